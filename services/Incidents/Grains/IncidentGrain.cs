using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Storage;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Grains;

/// <summary>
/// The activation of one incident. Its state is the stored document and the ETag it was read
/// with; a change is made on a copy and becomes the state only once written, so a refused or
/// conflicting call leaves the activation holding what the store holds.
/// </summary>
internal sealed partial class IncidentGrain(
    string incidentId,
    IIncidentStore store,
    IncidentWorkflow workflow,
    EvidenceLog evidence,
    IPlaybookDriver driver,
    RunClaims runs,
    TimeProvider time) : IGrainLifecycle, IIncidentSession
{
    private readonly ChangeFeed _feed = new();
    // Replaced, never mutated, once written: interleaved readers see a whole committed version.
    private volatile Incident? _state;
    private string? _etag;

    public string IncidentId => incidentId;

    public bool KeepAlive => _feed.HasWatchers;

    public Incident Current => _state ?? throw NotFound();

    public IIncidentStore Store => store;

    public DateTimeOffset Now => time.GetUtcNow();

    public Task OnActivateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    /// <summary>
    /// After a conflict: the store holds a version another coordinator wrote. This process's
    /// watchers have not seen it (the change feed is per process), so it is passed on to them.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var before = _state?.Version ?? 0;
        await ReadStateAsync(cancellationToken);
        if (_state is { } fresh && fresh.Version > before)
        {
            _feed.Publish(new IncidentChange
            {
                Version = fresh.Version,
                At = fresh.UpdatedAt,
                Description = "changed by another coordinator",
                Incident = fresh,
            });
        }
    }

    /// <summary>Reloads when the store holds a later version than this activation (written by another coordinator).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadVersionAsync(incidentId, cancellationToken);
        if (stored is { } version && version > (_state?.Version ?? 0))
        {
            await ReloadAsync(cancellationToken);
        }
    }

    public void OnDeactivate() => _feed.CompleteAll();

    private async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(incidentId, cancellationToken);
        _state = stored?.State;
        _etag = stored?.ETag;
    }

    /// <summary>Writes the draft with its evidence entry, then tells the watchers.</summary>
    private async Task WriteStateAsync(Incident draft, string kind, string description, string? requestId, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(new EvidenceChangePayload(draft.Version, PhaseNames.Of(draft.Phase), requestId ?? string.Empty), EvidenceJsonContext.Default.EvidenceChangePayload);
        var evidenceDraft = new EvidenceDraft(time.GetUtcNow(), kind, description, payload);
        _etag = await store.WriteAsync(draft, _etag, requestId, evidenceDraft, cancellationToken);
        _state = draft;
        _feed.Publish(new IncidentChange
        {
            Version = draft.Version,
            At = draft.UpdatedAt,
            Description = description,
            Incident = draft,
        });
    }

    /// <summary>
    /// Makes one change as one version: skipped when the request id was already applied, written
    /// with the ETag together with its evidence entry, then published to watchers.
    /// </summary>
    public async Task<Incident> CommitAsync(string? requestId, string kind, string description, Func<Incident, bool> change, CancellationToken cancellationToken)
    {
        if (requestId is { Length: > 0 } && await store.FindRequestAsync(requestId, cancellationToken) is { } appliedTo)
        {
            return appliedTo == incidentId
                ? Current
                : throw new IncidentException(IncidentErrorKind.InvalidArgument, $"Request id {requestId} was already used for incident {appliedTo}; use a new request id per change.");
        }

        var draft = Current.Clone();
        if (!change(draft))
        {
            return Current;
        }

        var now = time.GetUtcNow();
        draft.Version++;
        draft.UpdatedAt = Timestamp.FromDateTimeOffset(now);
        await WriteStateAsync(draft, kind, description, requestId, cancellationToken);
        return draft;
    }

    public Task AppendEvidenceAsync(string kind, string summary, string payloadJson, CancellationToken cancellationToken) =>
        evidence.AppendAsync(incidentId, kind, summary, payloadJson, cancellationToken);

    private IncidentException NotFound() =>
        new(IncidentErrorKind.NotFound, $"No incident {incidentId}; open one first or check the id.");
}
