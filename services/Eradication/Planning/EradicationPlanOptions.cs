namespace CredIr.Eradication.Planning;

/// <summary>Choices the responder makes about a plan.</summary>
public sealed record EradicationPlanOptions
{
    /// <summary>Empty and delete buckets the actor created; otherwise they are isolated and kept for forensics.</summary>
    public bool AllowEmptyingBuckets { get; init; }
}
