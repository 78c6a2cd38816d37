namespace CredIr.Aws;

/// <summary>Gets an instance profile.</summary>
public sealed record GetInstanceProfileRequest(string InstanceProfileName);
