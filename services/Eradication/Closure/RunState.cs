using CredIr.Eradication.Trails;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Closure;

/// <summary>The mutable state of one closure run (single-threaded: the engine consumes one stream).</summary>
internal sealed class RunState
{
    private readonly ResourceLedger _ledger = new();
    private readonly Dictionary<EventCategories, long> _byCategory = [];

    public RunState(ClosureRequest request)
    {
        foreach (var bucket in request.TrailBuckets)
        {
            Context.TrailBuckets.Add(bucket);
        }
    }

    public Dictionary<string, TrackedCredential> Known { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Attributed { get; } = new(StringComparer.Ordinal);
    public List<TrailGap> Gaps { get; } = [];
    public ClassificationContext Context { get; } = new();
    public int Round { get; set; }
    public long RecordsRead { get; set; }
    public long LastRoundRecords { get; set; }
    public long EventsAttributed { get; private set; }
    public int Queries { get; set; }
    public long BytesScanned { get; set; }

    public void Count(EventClassification classification, RecordFacts facts, CloudTrailRecord record)
    {
        EventsAttributed++;
        foreach (var category in Enum.GetValues<EventCategories>())
        {
            if (category != EventCategories.None && classification.Categories.HasFlag(category))
            {
                _byCategory[category] = _byCategory.GetValueOrDefault(category) + 1;
            }
        }

        _ledger.Add(record.EventTime, facts.Resources);
    }

    public ClosureSummary Summary()
    {
        var (created, modified, deleted) = _ledger.NetEffect();
        // Per-file or per-account-region failures make the result partial; the coverage notes do not.
        var complete = !Gaps.Exists(g => g.UnitFailed);
        return new ClosureSummary(
            EventsAttributed,
            Known.Count,
            Known.Values.Count(c => c.Depth > 0),
            Round,
            new Dictionary<EventCategories, long>(_byCategory),
            [.. Gaps],
            created,
            modified,
            deleted,
            complete)
        {
            Queries = Queries,
            BytesScanned = BytesScanned,
        };
    }
}
