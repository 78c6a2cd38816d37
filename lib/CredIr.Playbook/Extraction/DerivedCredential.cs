namespace CredIr.Playbook.Extraction;

/// <summary>
/// A credential a record created or revealed, with the ways its later use shows up in the trail.
/// <see cref="Identity"/> is what makes two derivations the same credential (so cycles end).
/// </summary>
public sealed record DerivedCredential
{
    public required CredentialKind Kind { get; init; }
    public string? AccessKeyId { get; init; }
    public string? PrincipalArn { get; init; }
    public string? UserName { get; init; }
    public string? RoleArn { get; init; }
    public string? SessionName { get; init; }
    public string? AccountId { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>The eventID of the record that created it.</summary>
    public required string CreatedByEventId { get; init; }
    public required string CreatedByEventName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>How later records are recognised as this credential's.</summary>
    public required IReadOnlyList<Attribution> Attributions { get; init; }
    /// <summary>Why it is a credential, in a sentence for the responder.</summary>
    public required string Reason { get; init; }

    public string Identity => AccessKeyId is { Length: > 0 } key
        ? $"key:{key}"
        : $"{Kind}:{PrincipalArn ?? RoleArn ?? UserName}:{string.Join(',', Attributions.Select(a => a.ToString()))}";
}
