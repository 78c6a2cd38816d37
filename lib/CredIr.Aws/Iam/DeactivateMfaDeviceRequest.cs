namespace CredIr.Aws;

/// <summary>Deactivates a user's MFA device.</summary>
public sealed record DeactivateMfaDeviceRequest(string UserName, string SerialNumber);
