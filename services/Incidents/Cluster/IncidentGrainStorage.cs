using CredIr.Incidents.Grains;
using CredIr.Incidents.Storage;
using Orleans.Storage;

namespace CredIr.Incidents.Cluster;

/// <summary>
/// The incident grain's storage: the incident store (SQLite or PostgreSQL), which writes the document
/// with an ETag check together with its request id and its evidence entry in one transaction. Orleans'
/// ADO.NET storage could hold the document, but not in the same transaction as the evidence chain,
/// which is what keeps state and evidence consistent across a kill -9.
/// </summary>
internal sealed class IncidentGrainStorage(IIncidentStore store) : IGrainStorage
{
    public const string Name = "incidents";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var record = Record(grainState);
        var stored = await store.ReadAsync(grainId.Key.ToString()!, cancellationToken);
        record.Incident = stored?.State;
        record.Pending = null;
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var record = Record(grainState);
        var incident = record.Incident ?? throw new InvalidOperationException("An incident grain wrote no incident.");
        var pending = record.Pending ?? throw new InvalidOperationException("An incident change was written without its evidence entry.");
        try
        {
            grainState.ETag = await store.WriteAsync(incident, grainState.ETag, pending.RequestId, pending.Evidence, cancellationToken);
        }
        catch (StateConflictException conflict)
        {
            // Only a second activation (a silo declared dead that still runs) can get here; Orleans
            // deactivates the grain on this exception and the next call reads the stored version.
            throw new InconsistentStateException(conflict.Message, grainState.ETag ?? string.Empty, "unknown", conflict);
        }

        record.Pending = null;
        grainState.RecordExists = true;
    }

    // Incidents are evidence: they are closed, never deleted.
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException("Incidents are closed, never deleted.");

    private static IncidentRecord Record<T>(IGrainState<T> grainState) =>
        grainState.State as IncidentRecord ?? throw new NotSupportedException($"{Name} storage holds incident grains only, not {typeof(T)}.");
}
