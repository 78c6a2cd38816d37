using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;

namespace CredIr.Incidents.Storage;

/// <summary>
/// Where incidents live. The state document is written with an ETag (optimistic concurrency);
/// findings, journal, evidence, checkpoints and the outbox are rows of their own, so a large scan
/// never rewrites the document. It also keeps the approval key and the used approval tokens for the phase services in this process. SQLite and PostgreSQL implement it with the same schema.
/// </summary>
internal interface IIncidentStore : IApprovalStore, IAsyncDisposable
{
    /// <summary>Applies the migrations not applied yet; safe to call from several processes.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken);

    Task<StoredIncident?> ReadAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the document when the stored ETag is <paramref name="expectedETag"/> (null: the incident
    /// must not exist yet), recording <paramref name="requestId"/> as applied and chaining
    /// <paramref name="evidence"/> onto the evidence log in the same transaction, so a change and its
    /// evidence are never one without the other. Returns the new ETag; throws
    /// <see cref="StateConflictException"/> on a stale ETag.
    /// </summary>
    Task<string> WriteAsync(Incident state, string? expectedETag, string? requestId, EvidenceDraft? evidence, CancellationToken cancellationToken);

    /// <summary>
    /// The incident a request id was applied to, or null when it never was. <paramref name="requestId"/> may be a
    /// <see cref="RequestKey"/>: an id applied with another digest is refused (FAILED_PRECONDITION).
    /// </summary>
    Task<string?> FindRequestAsync(string requestId, CancellationToken cancellationToken);

    Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken);

    /// <summary>Adds findings, ignoring events already stored for the incident; returns how many were new.</summary>
    Task<int> AddFindingsAsync(string incidentId, IReadOnlyList<TrailEvent> events, CancellationToken cancellationToken);

    IAsyncEnumerable<TrailEvent> ReadFindingsAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Records an intent or a result; false when that step already has one of that kind.</summary>
    Task<bool> TryAppendJournalAsync(JournalRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalRecord>> ReadJournalAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Inserts an evidence entry; false when its sequence is taken (someone appended first).</summary>
    Task<bool> TryAppendEvidenceAsync(EvidenceRecord record, CancellationToken cancellationToken);

    Task<EvidenceRecord?> ReadLastEvidenceAsync(string incidentId, CancellationToken cancellationToken);

    IAsyncEnumerable<EvidenceRecord> ReadEvidenceAsync(string incidentId, CancellationToken cancellationToken);

    Task SaveCheckpointAsync(ScanCheckpointRecord checkpoint, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScanCheckpointRecord>> ReadCheckpointsAsync(string incidentId, CancellationToken cancellationToken);
}
