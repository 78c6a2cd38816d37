using CredIr.Contracts.V1;
using CredIr.Identification.CompromiseTime;

namespace CredIr.Identification.Resolution;

/// <summary>A credential as resolved, with what was read about its use (for the compromise time).</summary>
public sealed record ResolvedCredential(Credential Credential)
{
    /// <summary>The credential's CloudTrail records, oldest first.</summary>
    public IReadOnlyList<TrailRecord> Records { get; init; } = [];

    /// <summary>Where the lookup of <see cref="Records"/> began.</summary>
    public DateTimeOffset? RecordsFrom { get; init; }

    /// <summary>True when the lookup stopped at the record limit (older records were not read), or some account-regions could not be read.</summary>
    public bool RecordsTruncated { get; init; }

    /// <summary>The account-regions whose CloudTrail could not be read: <see cref="Records"/> may miss uses there.</summary>
    public IReadOnlyList<SourceGap> Gaps { get; init; } = [];
}
