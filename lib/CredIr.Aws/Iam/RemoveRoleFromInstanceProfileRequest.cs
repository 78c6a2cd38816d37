namespace CredIr.Aws;

/// <summary>Removes a role from an instance profile.</summary>
public sealed record RemoveRoleFromInstanceProfileRequest(string InstanceProfileName, string RoleName);
