namespace CredIr.Aws;

/// <summary>Turns a trail's logging back on.</summary>
public sealed record StartLoggingRequest(string Name);
