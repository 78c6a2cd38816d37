using CredIr.Contracts.V1;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Grains;

/// <summary>
/// The incident grain's persistent state: the incident document, and what the next write must
/// commit with it (the request id it applies and its evidence entry), so the storage writes a change,
/// its idempotency record and its evidence in one transaction.
/// </summary>
internal sealed class IncidentRecord
{
    public Incident? Incident { get; set; }

    public PendingChange? Pending { get; set; }
}

/// <summary>The request id and evidence entry that go with the next write of the document.</summary>
internal sealed record PendingChange(string? RequestId, EvidenceDraft Evidence);
