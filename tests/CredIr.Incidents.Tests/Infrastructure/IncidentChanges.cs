using CredIr.Contracts.V1;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>Waits, through the grain's own watch (no polling), for the incident to reach a state.</summary>
internal static class IncidentChanges
{
    public static async Task<Incident> Until(IncidentHarness harness, string incidentId, Func<Incident, bool> reached, string what, int seconds = 30)
    {
        using var stop = new CancellationTokenSource();
        var watching = First(harness, incidentId, reached, stop.Token);
        try
        {
            return await Eventually.Within(watching, what, seconds);
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task<Incident> First(IncidentHarness harness, string incidentId, Func<Incident, bool> reached, CancellationToken cancellationToken)
    {
        await foreach (var change in harness.Grain(incidentId).WatchAsync(0, cancellationToken))
        {
            if (reached(change.Incident))
            {
                return change.Incident;
            }
        }

        throw new InvalidOperationException($"The watch of {incidentId} ended before the incident changed as awaited.");
    }
}
