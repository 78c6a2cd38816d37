namespace CredIr.Aws;

/// <summary>Adds or overwrites tags of a role.</summary>
public sealed record TagRoleRequest(string RoleName, IReadOnlyList<IamTag> Tags);
