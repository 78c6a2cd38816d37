namespace CredIr.Aws;

/// <summary>An IAM role; its trust policy URL-decoded (null in lists that omit it).</summary>
public sealed record IamRole(string RoleName, string RoleId, string Arn, string Path, DateTimeOffset? CreateDate, string? AssumeRolePolicyDocument, string? Description, int? MaxSessionDuration, DateTimeOffset? RoleLastUsedDate, string? RoleLastUsedRegion)
{
    /// <summary>The managed policy capping the role's permissions (GetRole returns it; lists do not).</summary>
    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>The role's tags (GetRole returns them; lists do not).</summary>
    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}
