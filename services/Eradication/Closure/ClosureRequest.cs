using CredIr.Eradication.Trails;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Closure;

/// <summary>The compromised credentials and where and when to look for what they did.</summary>
public sealed record ClosureRequest
{
    public required IReadOnlyList<DerivedCredential> Credentials { get; init; }
    /// <summary>The compromise time: calls before it are not the actor's.</summary>
    public required DateTimeOffset Since { get; init; }
    /// <summary>Defaults to now.</summary>
    public DateTimeOffset? Until { get; init; }
    public IReadOnlyList<string> Accounts { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Scan derived credentials too (the fixed point); false reports them without scanning them.</summary>
    public bool Follow { get; init; } = true;
    /// <summary>Derived credentials more than this many hops from a given one are reported, not scanned (0: no limit).</summary>
    public int MaxDepth { get; init; }
    /// <summary>
    /// Buckets CloudTrail delivers to (a lifecycle or policy change on one is defense evasion). Given, not learned
    /// from the records: records arrive unordered, and a classification must not depend on arrival order.
    /// </summary>
    public IReadOnlyCollection<string> TrailBuckets { get; init; } = [];
    /// <summary>Checkpoints of an interrupted scan: the units they mark done are not read again.</summary>
    public IReadOnlyList<TrailCheckpoint> ResumeFrom { get; init; } = [];
}
