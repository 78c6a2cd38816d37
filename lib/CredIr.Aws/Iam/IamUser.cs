namespace CredIr.Aws;

/// <summary>An IAM user.</summary>
public sealed record IamUser(string UserName, string UserId, string Arn, string Path, DateTimeOffset CreateDate, DateTimeOffset? PasswordLastUsed)
{
    /// <summary>The managed policy capping the user's permissions (GetUser returns it; lists do not).</summary>
    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>The user's tags (GetUser returns them; lists do not).</summary>
    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}
