using System.Threading.Channels;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

internal sealed partial class IncidentGrain
{
    /// <summary>
    /// Called interleaved, outside the grain's turns (IncidentGrainReference.WatchAsync), so a change
    /// may be published while it runs: the feed is subscribed before the snapshot is read, so such a
    /// change is in the snapshot, the feed or both (the watcher's version filter drops the repeat),
    /// never in neither.
    /// </summary>
    public WatchSubscription Subscribe(long fromVersion)
    {
        var channel = _feed.Subscribe();
        var current = Current;
        var first = fromVersion <= 0 || fromVersion < current.Version
            ? new IncidentChange { Version = current.Version, At = current.UpdatedAt, Description = "current state", Incident = current }
            : null;
        return new WatchSubscription(first, channel, _feed);
    }
}
