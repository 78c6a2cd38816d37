using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

/// <summary>
/// A reference to one incident: cheap, holds no state, and sends every call through the runtime
/// to the single activation for the id (as an Orleans grain reference does).
/// </summary>
internal sealed class IncidentGrainReference(GrainRuntime<IncidentGrain> runtime, string incidentId) : IIncidentGrain
{
    public string IncidentId => incidentId;

    public Task<Incident> OpenAsync(OpenIncidentRequest request, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.OpenAsync(request, actor, ct), cancellationToken);

    public Task<Incident> GetAsync(CancellationToken cancellationToken) =>
        runtime.InvokeInterleavedAsync(incidentId, static (grain, ct) => grain.GetAsync(ct), cancellationToken);

    public Task<Incident> AdvanceAsync(AdvanceRequest request, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.AdvanceAsync(actor, ct), cancellationToken);

    public Task<Incident> DecideAsync(DecideRequest request, bool approve, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.DecideAsync(request, approve, actor, ct), cancellationToken);

    public Task<Incident> SetCompromiseTimeAsync(SetCompromiseTimeRequest request, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.SetCompromiseTimeAsync(request, actor, ct), cancellationToken);

    public Task<Incident> AddNoteAsync(AddNoteRequest request, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.AddNoteAsync(request, actor, ct), cancellationToken);

    public Task<Incident> CompleteCommunicationAsync(CompleteCommunicationRequest request, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.CompleteCommunicationAsync(request, actor, ct), cancellationToken);

    public Task<Incident> CloseAsync(CloseIncidentRequest request, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.CloseAsync(request, actor, ct), cancellationToken);

    public Task<Incident> TransitionAsync(Phase to, string reason, string actor, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.TransitionAsync(to, reason, actor, ct), cancellationToken);

    public Task<Incident> AddCredentialAsync(Credential credential, string requestId, CancellationToken cancellationToken) =>
        runtime.InvokeAsync(incidentId, (grain, ct) => grain.AddCredentialAsync(credential, requestId, ct), cancellationToken);

    public async IAsyncEnumerable<IncidentChange> WatchAsync(long fromVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Neither subscribing nor reading the feed takes a turn, so a watcher never blocks the incident;
        // the version filter below drops a change the snapshot already holds.
        var subscription = await runtime.InvokeInterleavedAsync(incidentId, (grain, _) => Task.FromResult(grain.Subscribe(fromVersion)), cancellationToken);
        try
        {
            var seen = fromVersion;
            if (subscription.First is { } first)
            {
                seen = first.Version;
                yield return first;
            }

            await foreach (var change in subscription.Channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (change.Version > seen)
                {
                    seen = change.Version;
                    yield return change;
                }
            }
        }
        finally
        {
            subscription.Feed.Unsubscribe(subscription.Channel);
        }
    }
}
