namespace CredIr.Incidents.Storage;

/// <summary>An evidence entry before the store gives it its sequence and hash.</summary>
internal sealed record EvidenceDraft(DateTimeOffset At, string Kind, string Summary, string PayloadJson)
{
    /// <summary>Chains the draft after <paramref name="head"/> (null: the first entry).</summary>
    public EvidenceRecord Seal(string incidentId, EvidenceRecord? head)
    {
        var sequence = (head?.Sequence ?? 0) + 1;
        var previous = head?.Hash ?? Evidence.EvidenceHash.Genesis;
        // Millisecond precision is what the store keeps; hashing the same value keeps the chain verifiable.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(At.ToUnixTimeMilliseconds());
        return new EvidenceRecord(incidentId, sequence, at, Kind, Summary, PayloadJson, previous,
            Evidence.EvidenceHash.Compute(previous, sequence, at, Kind, Summary, PayloadJson));
    }
}
