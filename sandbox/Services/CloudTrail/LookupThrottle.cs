namespace CredIr.Sandbox.Services.CloudTrail;

/// <summary>
/// LookupEvents' limit: a token bucket per account and region (AWS: 2 requests per second).
/// Runs on the real clock: it limits request rate, not virtual time.
/// </summary>
internal sealed class LookupThrottle(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), (double Tokens, long Stamp)> _buckets = [];
    private long _refused;

    /// <summary>Requests per second per account-region; null or 0 turns the limit off.</summary>
    public double? Rate { get; set; } = 2;

    /// <summary>Requests refused with ThrottlingException since the sandbox started.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public bool TryAcquire(string account, string region)
    {
        var rate = Rate;
        if (rate is null or <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = time.GetTimestamp();
            var capacity = Math.Max(1, rate.Value);
            var (tokens, stamp) = _buckets.TryGetValue((account, region), out var b) ? b : (capacity, now);
            tokens = Math.Min(capacity, tokens + (time.GetElapsedTime(stamp, now).TotalSeconds * rate.Value));
            // A hair of tolerance: elapsed time converted from timestamp ticks is not exact.
            if (tokens < 1 - 1e-6)
            {
                _buckets[(account, region)] = (tokens, now);
                _refused++;
                return false;
            }

            _buckets[(account, region)] = (tokens - 1, now);
            return true;
        }
    }
}
