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
    /// <summary>Buckets CloudTrail delivers to, known beforehand (more are learned from CreateTrail/UpdateTrail).</summary>
    public IReadOnlyCollection<string> TrailBuckets { get; init; } = [];
}
