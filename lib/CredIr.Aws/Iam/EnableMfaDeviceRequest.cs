namespace CredIr.Aws;

/// <summary>Enables an MFA device for a user with two consecutive codes.</summary>
public sealed record EnableMfaDeviceRequest(string UserName, string SerialNumber, string AuthenticationCode1, string AuthenticationCode2);
