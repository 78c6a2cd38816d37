namespace CredIr.Aws;

/// <summary>Lists a role's tags.</summary>
public sealed record ListRoleTagsRequest(string RoleName);
