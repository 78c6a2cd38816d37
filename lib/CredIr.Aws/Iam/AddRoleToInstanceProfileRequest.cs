namespace CredIr.Aws;

/// <summary>Adds a role to an instance profile.</summary>
public sealed record AddRoleToInstanceProfileRequest(string InstanceProfileName, string RoleName);
