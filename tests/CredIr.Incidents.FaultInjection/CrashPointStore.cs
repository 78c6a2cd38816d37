using CredIr.Contracts.V1;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.FaultInjection;

/// <summary>
/// The store with crash points around each durable write, put in place by <see cref="StartupHook"/>
/// only when a crash point is asked for. Reads pass straight through.
/// </summary>
internal sealed class CrashPointStore(IIncidentStore inner, CrashPoints points) : IIncidentStore
{
    public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken) => inner.ReadAppliedMigrationsAsync(cancellationToken);

    public Task<StoredIncident?> ReadAsync(string incidentId, CancellationToken cancellationToken) => inner.ReadAsync(incidentId, cancellationToken);

    public Task<byte[]> GetOrAddKeyAsync(string name, byte[] generated, CancellationToken cancellationToken) => inner.GetOrAddKeyAsync(name, generated, cancellationToken);

    public Task<bool> TryUseTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken) => inner.TryUseTokenAsync(tokenId, expiresAt, cancellationToken);


    public Task<string> WriteAsync(Incident state, string? expectedETag, string? requestId, EvidenceDraft? evidence, CancellationToken cancellationToken) =>
        Around("state", $"{state.IncidentId} v{state.Version} {evidence?.Kind}", () => inner.WriteAsync(state, expectedETag, requestId, evidence, cancellationToken));

    public Task<string?> FindRequestAsync(string requestId, CancellationToken cancellationToken) => inner.FindRequestAsync(requestId, cancellationToken);

    public Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public Task<int> AddFindingsAsync(string incidentId, IReadOnlyList<TrailEvent> events, CancellationToken cancellationToken) =>
        Around("findings", $"{incidentId} {events.Count} event(s)", () => inner.AddFindingsAsync(incidentId, events, cancellationToken));

    public IAsyncEnumerable<TrailEvent> ReadFindingsAsync(string incidentId, CancellationToken cancellationToken) => inner.ReadFindingsAsync(incidentId, cancellationToken);

    public Task<bool> TryAppendJournalAsync(JournalRecord record, CancellationToken cancellationToken) =>
        Around(record.Kind == JournalKind.Intent ? "journal-intent" : "journal-result", $"{record.IncidentId} {record.StepId}", () => inner.TryAppendJournalAsync(record, cancellationToken));

    public Task<IReadOnlyList<JournalRecord>> ReadJournalAsync(string incidentId, CancellationToken cancellationToken) => inner.ReadJournalAsync(incidentId, cancellationToken);

    public Task<bool> TryAppendEvidenceAsync(EvidenceRecord record, CancellationToken cancellationToken) =>
        Around("evidence", $"{record.IncidentId} #{record.Sequence} {record.Kind}", () => inner.TryAppendEvidenceAsync(record, cancellationToken));

    public Task<EvidenceRecord?> ReadLastEvidenceAsync(string incidentId, CancellationToken cancellationToken) => inner.ReadLastEvidenceAsync(incidentId, cancellationToken);

    public IAsyncEnumerable<EvidenceRecord> ReadEvidenceAsync(string incidentId, CancellationToken cancellationToken) => inner.ReadEvidenceAsync(incidentId, cancellationToken);

    public Task SaveCheckpointAsync(ScanCheckpointRecord checkpoint, CancellationToken cancellationToken) =>
        Around("checkpoint", $"{checkpoint.IncidentId} {checkpoint.AccountId}/{checkpoint.Region}", () => inner.SaveCheckpointAsync(checkpoint, cancellationToken));

    public Task<IReadOnlyList<ScanCheckpointRecord>> ReadCheckpointsAsync(string incidentId, CancellationToken cancellationToken) => inner.ReadCheckpointsAsync(incidentId, cancellationToken);


    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task<T> Around<T>(string kind, string detail, Func<Task<T>> write)
    {
        points.Before(kind, detail);
        var result = await write();
        points.After(kind, detail);
        return result;
    }

    private async Task Around(string kind, string detail, Func<Task> write)
    {
        points.Before(kind, detail);
        await write();
        points.After(kind, detail);
    }
}
