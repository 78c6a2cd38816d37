using CredIr.Incidents.Storage;
using Microsoft.Extensions.Hosting;

namespace CredIr.Incidents.Hosting;

/// <summary>Applies the store's migrations before the host serves a call.</summary>
internal sealed class IncidentStoreInitializer(IIncidentStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
