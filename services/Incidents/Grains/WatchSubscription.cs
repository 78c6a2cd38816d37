using System.Threading.Channels;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

/// <summary>A watcher's first message (the current state, when it is behind) and its live feed.</summary>
internal sealed record WatchSubscription(IncidentChange? First, Channel<IncidentChange> Channel, ChangeFeed Feed);
