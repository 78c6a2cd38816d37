using CredIr.Contracts.V1;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Grains;

/// <summary>
/// What a phase driver sees of the incident it drives, inside the grain's turn: the current
/// document, a way to commit a change as a version, the store for findings, journal and
/// checkpoints, and the evidence log.
/// </summary>
internal interface IIncidentSession
{
    string IncidentId { get; }

    Incident Current { get; }

    IIncidentStore Store { get; }

    DateTimeOffset Now { get; }

    /// <summary><paramref name="change"/> returns false when there was nothing to change.</summary>
    Task<Incident> CommitAsync(string? requestId, string kind, string description, Func<Incident, bool> change, CancellationToken cancellationToken);

    Task AppendEvidenceAsync(string kind, string summary, string payloadJson, CancellationToken cancellationToken);
}
