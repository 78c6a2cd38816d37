namespace CredIr.Aws;

/// <summary>Assumes a role.</summary>
public sealed record AssumeRoleRequest(string RoleArn, string RoleSessionName)
{
    public string? ExternalId { get; init; }

    public int? DurationSeconds { get; init; }

    public string? Policy { get; init; }
}
