using CredIr.Contracts.V1;
using Orleans.Concurrency;

namespace CredIr.Incidents.Grains;

/// <summary>
/// One incident, keyed by its id: a single activation in the whole cluster holds its state and
/// makes its changes one at a time. <c>actor</c> is the authenticated caller, recorded as requester,
/// approver or author. Reads, watches and the run of the playbook interleave with the other calls,
/// so an approval or a note never waits behind a scan.
/// </summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    Task<Incident> OpenAsync(OpenIncidentRequest request, string actor, CancellationToken cancellationToken);

    /// <summary>The incident as last committed; NOT_FOUND when it was never opened.</summary>
    [AlwaysInterleave]
    Task<Incident> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts the playbook from the current phase up to the next approval or the end (or joins the
    /// run already going) and waits for it at most <paramref name="wait"/>: a run outlives one grain
    /// call, so a caller that wants the end calls again while <see cref="AdvanceOutcome.Running"/>.
    /// </summary>
    [AlwaysInterleave]
    Task<AdvanceOutcome> AdvanceAsync(string actor, TimeSpan wait, CancellationToken cancellationToken);

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
    /// later change, until cancelled or the activation goes away (the caller then watches again from
    /// the last version it saw). Snapshot and subscription are taken together, so no change falls between.
    /// </summary>
    [AlwaysInterleave]
    IAsyncEnumerable<IncidentChange> WatchAsync(long fromVersion, CancellationToken cancellationToken);
}
