namespace CredIr.Aws;

/// <summary>Adds or replaces tags on a role.</summary>
public sealed record TagRoleRequest(string RoleName, IReadOnlyList<IamTag> Tags);
