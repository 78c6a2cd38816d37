namespace CredIr.Playbook.Trail;

/// <summary>The caller of a CloudTrail record (userIdentity). Every field may be missing.</summary>
public sealed record UserIdentity(
    string? Type,
    string? PrincipalId,
    string? Arn,
    string? AccountId,
    string? AccessKeyId,
    string? UserName,
    SessionContext? SessionContext,
    string? InvokedBy)
{
    /// <summary>An identity with no field set, for records whose userIdentity is missing or null.</summary>
    public static UserIdentity Empty { get; } = new(null, null, null, null, null, null, null, null);

    /// <summary>The session name of an assumed-role or federated caller: the last segment of its ARN.</summary>
    public string? SessionName =>
        Type is "AssumedRole" or "FederatedUser" && Arn is { } arn && arn.LastIndexOf('/') is var slash and >= 0
            ? arn[(slash + 1)..]
            : null;
}
