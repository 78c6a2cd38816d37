namespace CredIr.Aws;

/// <summary>Deletes a role (which must have no policies or instance profiles left).</summary>
public sealed record DeleteRoleRequest(string RoleName);
