namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// The page chains of one account-region (its token bucket is shared by every attribute looked up there).
/// Knows how many run and the fastest call seen, which is the service's latency without the time spent
/// queueing for a token: from it, how many chains keep the bucket busy (requests/s x latency, plus two).
/// </summary>
internal sealed class LookupLane(string accountId, string region)
{
    private readonly Lock _gate = new();
    private int _active;
    private TimeSpan? _fastest;
    private double _backlog;

    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    /// <summary>The pages its chains are expected still to read (a chain not yet read counts one).</summary>
    public double Backlog
    {
        get
        {
            lock (_gate)
            {
                return _backlog;
            }
        }
    }

    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    public void Enter(double pagesLeft = 0)
    {
        lock (_gate)
        {
            _active++;
            _backlog += pagesLeft;
        }
    }

    /// <summary>True when the last chain of the account-region has ended.</summary>
    public bool Leave()
    {
        lock (_gate)
        {
            return --_active == 0;
        }
    }

    /// <summary>Records a chain's new estimate of the pages it has left.</summary>
    public void Estimate(LookupChain chain, double pagesLeft)
    {
        lock (_gate)
        {
            _backlog += pagesLeft - chain.PagesLeft;
            chain.PagesLeft = pagesLeft;
        }
    }

    public void Observe(TimeSpan call)
    {
        lock (_gate)
        {
            if (_fastest is not { } fastest || call < fastest)
            {
                _fastest = call;
            }
        }
    }

    /// <summary>How many more chains this account-region can use to keep its bucket busy.</summary>
    public int Room(double requestsPerSecond, int maxChains)
    {
        lock (_gate)
        {
            // Plus two: one request waiting on the bucket while the others are out, one while a page is being read.
            var wanted = _fastest is { } latency ? (int)Math.Ceiling(requestsPerSecond * latency.TotalSeconds) + 2 : 1;
            return Math.Min(wanted, maxChains) - _active;
        }
    }
}
