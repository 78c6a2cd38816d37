namespace CredIr.Aws;

/// <summary>A virtual MFA device of the account and the user it is enabled for (null while unassigned).</summary>
public sealed record IamVirtualMfaDevice(string SerialNumber, string? UserName);
