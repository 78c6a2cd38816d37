using System.Threading.Channels;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Grains;

/// <summary>
/// The live changes of one activation, fanned out to its watchers. Each change carries the whole
/// incident, so a watcher that falls behind loses only intermediate versions, never the latest:
/// the per-watcher buffer drops the oldest instead of blocking the grain.
/// </summary>
internal sealed class ChangeFeed
{
    private const int WatcherBuffer = 256;
    private readonly Lock _lock = new();
    private readonly List<Channel<IncidentChange>> _watchers = [];

    public Channel<IncidentChange> Subscribe()
    {
        var channel = Channel.CreateBounded<IncidentChange>(new BoundedChannelOptions(WatcherBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        lock (_lock)
        {
            _watchers.Add(channel);
        }

        return channel;
    }

    public void Unsubscribe(Channel<IncidentChange> channel)
    {
        lock (_lock)
        {
            _watchers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    public void Publish(IncidentChange change)
    {
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Ends every watch (the activation is going away); watchers reconnect with their last version.</summary>
    public void CompleteAll()
    {
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }
}
