using CredIr.Incidents.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CredIr.Incidents.Health;

/// <summary>
/// credir.v1.Incidents is ready when its store answers and has its migrations applied (the start-up
/// migration ran): grpc.health.v1 reports NOT_SERVING until then, and again if the database goes away.
/// </summary>
internal sealed class IncidentStoreHealthCheck(IIncidentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var applied = await store.ReadAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
            return applied.Count > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the incident store has no migrations applied yet");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException)
        {
            // The exception's type only: a connection error can carry the connection string.
            return HealthCheckResult.Unhealthy($"the incident store is unreachable ({e.GetType().Name})");
        }
    }
}
