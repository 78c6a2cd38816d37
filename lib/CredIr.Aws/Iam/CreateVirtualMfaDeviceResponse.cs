namespace CredIr.Aws;

/// <summary>The device's serial number (its seed and QR code are left out: they are secrets).</summary>
public sealed record CreateVirtualMfaDeviceResponse(string SerialNumber, string? RequestId);
