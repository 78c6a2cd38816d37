namespace CredIr.Identification.Inputs;

/// <summary>
/// What an input says about one credential or principal: any of the key id, the principal's unique id,
/// its ARN or name. Resolution fills in the rest from AWS.
/// </summary>
public sealed record CredentialHint
{
    public string? AccessKeyId { get; init; }

    /// <summary>AIDA.../AROA... unique id; for a role session GuardDuty gives "AROA...:session-name".</summary>
    public string? PrincipalId { get; init; }

    public PrincipalArn? Principal { get; init; }

    public string? UserName { get; init; }

    /// <summary>The type as the source spells it: IAMUser, AssumedRole, Root, FederatedUser, Role.</summary>
    public string? PrincipalType { get; init; }

    public string? AccountId { get; init; }

    /// <summary>Active or Inactive when the finding says so.</summary>
    public string? Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
