namespace CredIr.Aws;

/// <summary>Lists the account's virtual MFA devices: "Assigned", "Unassigned" or "Any" (the default).</summary>
public sealed record ListVirtualMfaDevicesRequest(string? AssignmentStatus = null);
