namespace CredIr.Aws;

/// <summary>Lists the tags of a role.</summary>
public sealed record ListRoleTagsRequest(string RoleName);
