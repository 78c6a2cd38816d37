using CredIr.Identification.Inputs;

namespace CredIr.Identification.CompromiseTime;

/// <summary>What the estimator weighs, in order: the responder's time, the finding's time, the credential's own records.</summary>
public sealed record CompromiseTimeRequest
{
    public ParsedInput? Input { get; init; }

    public DateTimeOffset? ResponderTime { get; init; }

    public TimeSpan Baseline { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Where the records supplied begin (the start of the lookup). A baseline reaching before it is partial;
    /// unset means the earliest record supplied.
    /// </summary>
    public DateTimeOffset? RecordsFrom { get; init; }

    /// <summary>Known creation time of the credential, the fallback when nothing better is known.</summary>
    public DateTimeOffset? CredentialCreatedAt { get; init; }

    /// <summary>The key's last use (iam:GetAccessKeyLastUsed): the latest the compromise can be, when nothing else is known.</summary>
    public DateTimeOffset? CredentialLastUsedAt { get; init; }

    /// <summary>How many account-regions' trails could not be read: the records are then partial, and the estimate says so.</summary>
    public int UnreadableTrails { get; init; }
}
