namespace CredIr.Aws;

/// <summary>Asks for a federated user's session, made from the caller's IAM user credentials.</summary>
public sealed record GetFederationTokenRequest(string Name, string? Policy = null, int? DurationSeconds = null);
