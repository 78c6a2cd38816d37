namespace CredIr.Aws;

/// <summary>Creates an instance profile.</summary>
public sealed record CreateInstanceProfileRequest(string InstanceProfileName, string? Path = null);
