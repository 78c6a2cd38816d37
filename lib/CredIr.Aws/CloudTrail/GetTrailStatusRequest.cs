namespace CredIr.Aws;

/// <summary>Asks whether a trail is logging.</summary>
public sealed record GetTrailStatusRequest(string Name);
