using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace CredIr.Incidents.Service;

/// <summary>
/// Calls to an incident grain while the node holding it fails: until the cluster declares that node
/// dead (about a second with the default membership settings) calls to it fail; after, the incident
/// activates on a live node and resumes from its stored state and journal. A call that is safe to
/// repeat (a read, an advance, a change carrying a request id) is retried across that window.
/// </summary>
internal static class ClusterRetry
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    public static async Task<T> CallAsync<T>(Func<Task<T>> call, bool repeatable, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var pause = FirstPause;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (repeatable && IsNodeFailure(exception) && time.GetElapsedTime(started) < Window)
            {
                await Task.Delay(pause, time, cancellationToken);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
    }

    /// <summary>The call could not reach the node holding the incident, or that node went away during it.</summary>
    public static bool IsNodeFailure(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException or TimeoutException;
}
