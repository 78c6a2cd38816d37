namespace CredIr.Aws;

/// <summary>Removes tags of a role by key.</summary>
public sealed record UntagRoleRequest(string RoleName, IReadOnlyList<string> TagKeys);
