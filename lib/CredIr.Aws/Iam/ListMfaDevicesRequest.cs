namespace CredIr.Aws;

/// <summary>Lists a user's MFA devices.</summary>
public sealed record ListMfaDevicesRequest(string? UserName = null);
