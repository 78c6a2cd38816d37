namespace CredIr.Aws;

/// <summary>Deletes a virtual MFA device (it must be deactivated first).</summary>
public sealed record DeleteVirtualMfaDeviceRequest(string SerialNumber);
