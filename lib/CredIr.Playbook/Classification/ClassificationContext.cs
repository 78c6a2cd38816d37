namespace CredIr.Playbook.Classification;

/// <summary>What classification needs to know beyond the record itself.</summary>
public sealed class ClassificationContext
{
    /// <summary>Buckets CloudTrail delivers to: a lifecycle or policy change on one is defense evasion.</summary>
    public ISet<string> TrailBuckets { get; } = new HashSet<string>(StringComparer.Ordinal);
}
