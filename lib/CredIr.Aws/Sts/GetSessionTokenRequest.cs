namespace CredIr.Aws;

/// <summary>Asks for a session token for the caller's long-term credentials.</summary>
public sealed record GetSessionTokenRequest(int? DurationSeconds = null, string? SerialNumber = null, string? TokenCode = null);
