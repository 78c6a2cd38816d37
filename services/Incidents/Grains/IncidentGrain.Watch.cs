using System.Threading.Channels;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

internal sealed partial class IncidentGrain
{
    /// <summary>
    /// Taken inside a turn, so no change can fall between the snapshot and the subscription.
    /// </summary>
    public WatchSubscription Subscribe(long fromVersion)
    {
        var current = Current;
        var first = fromVersion <= 0 || fromVersion < current.Version
            ? new IncidentChange { Version = current.Version, At = current.UpdatedAt, Description = "current state", Incident = current }
            : null;
        return new WatchSubscription(first, _feed.Subscribe(), _feed);
    }
}
