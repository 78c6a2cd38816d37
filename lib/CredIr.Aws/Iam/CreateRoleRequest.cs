namespace CredIr.Aws;

/// <summary>Creates a role.</summary>
public sealed record CreateRoleRequest(string RoleName, string AssumeRolePolicyDocument)
{
    public string? Path { get; init; }

    public string? Description { get; init; }

    public int? MaxSessionDuration { get; init; }
}
