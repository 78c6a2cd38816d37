namespace CredIr.Aws;

/// <summary>Turns a trail's logging off (what an attacker does; tests use it).</summary>
public sealed record StopLoggingRequest(string Name);
