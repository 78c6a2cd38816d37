namespace CredIr.Aws;

/// <summary>Creates a virtual MFA device.</summary>
public sealed record CreateVirtualMfaDeviceRequest(string VirtualMfaDeviceName, string? Path = null);
