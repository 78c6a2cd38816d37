using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

/// <summary>
/// One incident, keyed by its id, shaped like an Orleans grain interface: every method returns a
/// Task (or streams) and takes the CancellationToken last. Calls to one incident run one at a time.
/// <c>actor</c> is the authenticated caller, recorded as requester, approver or author.
/// </summary>
public interface IIncidentGrain
{
    string IncidentId { get; }

    Task<Incident> OpenAsync(OpenIncidentRequest request, string actor, CancellationToken cancellationToken);

    /// <summary>The incident as last committed by any coordinator (shared, not a copy: treat it as read-only); NOT_FOUND when it was never opened.</summary>
    Task<Incident> GetAsync(CancellationToken cancellationToken);

    Task<Incident> AdvanceAsync(AdvanceRequest request, string actor, CancellationToken cancellationToken);

    Task<Incident> DecideAsync(DecideRequest request, bool approve, string actor, CancellationToken cancellationToken);

    Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, string actor, CancellationToken cancellationToken);

    Task<Incident> AddNoteAsync(AddNoteRequest request, string actor, CancellationToken cancellationToken);

    Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, string actor, CancellationToken cancellationToken);

    Task<Incident> CloseAsync(CloseIncidentRequest request, string actor, CancellationToken cancellationToken);

    /// <summary>Moves the incident to a phase (the state machine decides whether it may).</summary>
    Task<Incident> TransitionAsync(Phase to, string reason, string actor, CancellationToken cancellationToken);

    /// <summary>Adds a credential with its provenance; one found after containment reopens containment.</summary>
    Task<Incident> AddCredentialAsync(Credential credential, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// The current state first when <paramref name="fromVersion"/> is behind it (or 0), then every
    /// later change made through this process (and another coordinator's changes once this process
    /// reads them, on its next write), until cancelled or the activation is dropped.
    /// </summary>
    IAsyncEnumerable<IncidentChange> WatchAsync(long fromVersion, CancellationToken cancellationToken);
}
