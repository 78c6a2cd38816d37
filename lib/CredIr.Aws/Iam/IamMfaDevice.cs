namespace CredIr.Aws;

/// <summary>An MFA device of a user.</summary>
public sealed record IamMfaDevice(string UserName, string SerialNumber, DateTimeOffset? EnableDate);
