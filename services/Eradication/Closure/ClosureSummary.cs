using CredIr.Eradication.Trails;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Closure;

/// <summary>
/// The actor's net effect: resources created and still there (eradication), pre-existing ones modified or
/// deleted (recovery), counts, and what the source could not see.
/// </summary>
public sealed record ClosureSummary(
    long EventsAttributed,
    int CredentialsTotal,
    int CredentialsDerived,
    int Rounds,
    IReadOnlyDictionary<EventCategories, long> EventsByCategory,
    IReadOnlyList<TrailGap> Gaps,
    IReadOnlyList<TouchedResource> Created,
    IReadOnlyList<TouchedResource> Modified,
    IReadOnlyList<TouchedResource> Deleted,
    bool Complete)
{
    /// <summary>Athena queries run and the bytes they scanned (zero for the other sources).</summary>
    public int Queries { get; init; }

    public long BytesScanned { get; init; }
}
