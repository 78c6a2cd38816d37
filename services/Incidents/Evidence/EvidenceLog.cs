using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Evidence;

/// <summary>
/// An incident's append-only, hash-chained evidence. Appending reads the head and inserts the next
/// sequence; a writer that loses the race for a sequence (another process) reads the head again.
/// </summary>
internal sealed class EvidenceLog(IIncidentStore store, TimeProvider time)
{
    private const int AppendAttempts = 10;

    public async Task<EvidenceRecord> AppendAsync(string incidentId, string kind, string summary, string payloadJson, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < AppendAttempts; attempt++)
        {
            var head = await store.ReadLastEvidenceAsync(incidentId, cancellationToken);
            var record = new EvidenceDraft(time.GetUtcNow(), kind, summary, payloadJson).Seal(incidentId, head);
            if (await store.TryAppendEvidenceAsync(record, cancellationToken))
            {
                return record;
            }
        }

        throw new Domain.IncidentConflictException(incidentId, AppendAttempts);
    }

    public IAsyncEnumerable<EvidenceRecord> ExportAsync(string incidentId, CancellationToken cancellationToken) =>
        store.ReadEvidenceAsync(incidentId, cancellationToken);

    /// <summary>
    /// Walks the chain from the start. A changed field breaks that entry's hash; a deleted or
    /// reordered row breaks the sequence or the link to the previous hash. Removing entries from
    /// the end is only visible against a head hash kept elsewhere (the one this returns).
    /// </summary>
    public async Task<EvidenceVerification> VerifyAsync(string incidentId, CancellationToken cancellationToken)
    {
        var previous = EvidenceHash.Genesis;
        long count = 0;
        await foreach (var entry in store.ReadEvidenceAsync(incidentId, cancellationToken))
        {
            count++;
            var problem = entry.Sequence != count
                ? $"entry {count} is missing or out of order (found sequence {entry.Sequence})"
                : entry.PreviousHash != previous
                    ? $"entry {entry.Sequence} does not link to the hash of entry {count - 1}"
                    : EvidenceHash.Compute(previous, entry.Sequence, entry.At, entry.Kind, entry.Summary, entry.PayloadJson) != entry.Hash
                        ? $"entry {entry.Sequence} was altered: its content does not match its hash"
                        : null;
            if (problem is not null)
            {
                return new EvidenceVerification(false, count, count, problem, previous);
            }

            previous = entry.Hash;
        }

        return new EvidenceVerification(true, count, 0, count == 0 ? "no evidence recorded yet" : $"all {count} entries intact", previous);
    }
}
