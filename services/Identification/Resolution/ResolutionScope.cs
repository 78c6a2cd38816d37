namespace CredIr.Identification.Resolution;

/// <summary>Where and how far back resolution looks.</summary>
public sealed record ResolutionScope
{
    /// <summary>Accounts the responder named; used to find a principal given only by its unique id.</summary>
    public IReadOnlyList<string> AccountIds { get; init; } = [];

    /// <summary>Regions whose CloudTrail is read for the credentials' use and for the events that issued session keys.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Read every region enabled in each credential's account instead of <see cref="Regions"/>.</summary>
    public bool AllRegions { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>How far back the credentials' use is read (LookupEvents keeps 90 days).</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromDays(30);

    /// <summary>At most this many records are read per credential, to bound memory on a very busy key.</summary>
    public int MaxRecords { get; init; } = 20_000;

    /// <summary>
    /// Leave CloudTrail for later where IAM alone resolves the credential (a long-term key and its user): containment
    /// must not wait on a trail read. Session keys are still read, since their principal is known only from the trail.
    /// </summary>
    public bool DeferTrail { get; init; }
}
