using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

internal sealed partial class IncidentGrain
{
    public async IAsyncEnumerable<IncidentChange> WatchAsync(long fromVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Snapshot and subscription are taken with no await between them on the grain's scheduler,
        // so no change can fall between the two; the version filter drops one the snapshot holds.
        var current = Current;
        var channel = _feed.Subscribe();
        try
        {
            var seen = fromVersion;
            if (fromVersion <= 0 || fromVersion < current.Version)
            {
                seen = current.Version;
                yield return new IncidentChange { Version = current.Version, At = current.UpdatedAt, Description = "current state", Incident = current };
            }

            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
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
            _feed.Unsubscribe(channel);
        }
    }
}
