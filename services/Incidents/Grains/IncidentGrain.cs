using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.Incidents.Cluster;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Storage;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Incidents.Grains;

/// <summary>
/// The single activation of one incident. A change is made on a copy and becomes the committed
/// state only once written (with its evidence entry and request id, in one transaction), so a
/// refused or failed call leaves the activation holding what the store holds. Changes are
/// serialized by <see cref="_commit"/>: the playbook's run interleaves with calls, never a write.
/// It activates on the node that was called (the one serving the responder or SOAR platform), and
/// moves only when that node dies.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
internal sealed partial class IncidentGrain(
    [PersistentState("incident", IncidentGrainStorage.Name)] IPersistentState<IncidentRecord> state,
    IIncidentStore store,
    IncidentWorkflow workflow,
    EvidenceLog evidence,
    IPlaybookDriver driver,
    IOptions<IncidentsOptions> options,
    ILogger<IncidentGrain> logger,
    TimeProvider time) : Grain, IIncidentGrain, IIncidentSession, IDisposable
{
    private readonly ChangeFeed _feed = new();
    private readonly SemaphoreSlim _commit = new(1, 1);

    // Replaced, never mutated, once written: interleaved readers see a whole committed version.
    private Incident? _committed;

    public string IncidentId => this.GetPrimaryKeyString();

    public Incident Current => _committed ?? throw NotFound();

    public IIncidentStore Store => store;

    public DateTimeOffset Now => time.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _committed = state.State.Incident;
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _run?.Stop();
        _checks.Cancel();
        _feed.CompleteAll();
        return Task.CompletedTask;
    }

    public Task<Incident> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    public void Dispose()
    {
        _commit.Dispose();
        _checks.Dispose();
    }

    /// <summary>
    /// Makes one change as one version: skipped when the request id was already applied, written
    /// with the ETag together with its evidence entry, then published to watchers.
    /// </summary>
    public async Task<Incident> CommitAsync(string? requestId, string kind, string description, Func<Incident, bool> change, CancellationToken cancellationToken)
    {
        await _commit.WaitAsync(cancellationToken);
        try
        {
            if (requestId is { Length: > 0 } && await store.FindRequestAsync(requestId, cancellationToken) is { } appliedTo)
            {
                return appliedTo == IncidentId
                    ? Current
                    : throw new IncidentException(IncidentErrorKind.InvalidArgument, $"Request id {RequestKey.IdOf(requestId)} was already used for incident {appliedTo}; use a new request id per change.");
            }

            var draft = Current.Clone();
            if (!change(draft))
            {
                return Current;
            }

            draft.Version++;
            draft.UpdatedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
            await WriteAsync(draft, kind, description, requestId, cancellationToken);
            return draft;
        }
        finally
        {
            _commit.Release();
        }
    }

    public Task AppendEvidenceAsync(string kind, string summary, string payloadJson, CancellationToken cancellationToken) =>
        evidence.AppendAsync(IncidentId, kind, summary, payloadJson, cancellationToken);

    /// <summary>Writes the draft with its evidence entry, then tells the watchers.</summary>
    private async Task WriteAsync(Incident draft, string kind, string description, string? requestId, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new EvidenceChangePayload(draft.Version, PhaseNames.Of(draft.Phase), RequestKey.IdOf(requestId)), EvidenceJsonContext.Default.EvidenceChangePayload);
        var before = _committed;
        await RemindBeforeAsync(before, draft);
        state.State.Incident = draft;
        state.State.Pending = new PendingChange(requestId, new EvidenceDraft(time.GetUtcNow(), kind, description, payload));
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Incident = _committed;
            state.State.Pending = null;
            throw;
        }

        _committed = draft;
        // Before watchers hear of the change: whoever sees it sees the reminders that go with it.
        await ForgetAfterAsync(before, draft);
        _feed.Publish(new IncidentChange
        {
            Version = draft.Version,
            At = draft.UpdatedAt,
            Description = description,
            Incident = draft,
        });
    }

    private IncidentException NotFound() =>
        new(IncidentErrorKind.NotFound, $"No incident {IncidentId}; open one first or check the id.");
}
