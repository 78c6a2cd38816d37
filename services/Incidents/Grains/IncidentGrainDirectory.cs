using CredIr.Incidents.Domain;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

/// <summary>The process's incident grains: creates the runtime and hands out references.</summary>
internal sealed class IncidentGrainDirectory : IIncidentGrainFactory, IAsyncDisposable
{
    public IncidentGrainDirectory(
        IIncidentStore store,
        EvidenceLog evidence,
        IncidentWorkflow workflow,
        IPlaybookDriver driver,
        GrainRuntimeOptions options,
        TimeProvider time,
        ILogger<IncidentGrainDirectory> logger)
    {
        Runtime = new GrainRuntime<IncidentGrain>(
            id => new IncidentGrain(id, store, workflow, evidence, driver, time),
            options,
            time,
            logger);
    }

    public GrainRuntime<IncidentGrain> Runtime { get; }

    public IIncidentGrain GetGrain(string incidentId) => new IncidentGrainReference(Runtime, incidentId);

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
