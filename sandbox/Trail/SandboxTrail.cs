namespace CredIr.Sandbox;

/// <summary>
/// The sandbox's CloudTrail: event history per account and region (what LookupEvents reads) and
/// the data events a trail with data events enabled delivers to log files only.
/// </summary>
public sealed partial class SandboxTrail
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Region), List<RecordedEvent>> _history = [];
    private readonly List<RecordedEvent> _dataEvents = [];
    private readonly Dictionary<LogFileKey, LogFile> _logFiles = [];
    private long _sequence;
    private long _changes;

    internal TimeSpan DeliveryDelay { get; set; }

    /// <summary>Every management event of an account, oldest first, delivered or not.</summary>
    public IReadOnlyList<RecordedEvent> All(string accountId)
    {
        lock (_gate)
        {
            return _history.Where(kv => kv.Key.Account == accountId).SelectMany(kv => kv.Value)
                .OrderBy(e => e.EventTime).ThenBy(e => e.Sequence).ToList();
        }
    }

    /// <summary>Every event of every account, data events included, oldest first.</summary>
    public IReadOnlyList<RecordedEvent> All()
    {
        lock (_gate)
        {
            return _history.Values.SelectMany(v => v).Concat(_dataEvents)
                .OrderBy(e => e.EventTime).ThenBy(e => e.Sequence).ToList();
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>
    /// Changes whenever an event is added: a copy of the files made at one version is current while it holds, and
    /// <see cref="ExportAsync(string, string?, long, CancellationToken)"/> since that version writes only the files changed after it.
    /// </summary>
    internal long Version => Interlocked.Read(ref _changes);

    internal void Add(RecordedEvent recorded)
    {
        lock (_gate)
        {
            if (recorded.ManagementEvent)
            {
                var key = (recorded.AccountId, recorded.Region);
                if (!_history.TryGetValue(key, out var list))
                {
                    list = [];
                    _history[key] = list;
                }

                InsertSorted(list, recorded);
            }
            else
            {
                _dataEvents.Add(recorded);
            }

            if (recorded.Delivered || !recorded.ManagementEvent)
            {
                var fileKey = new LogFileKey(recorded.AccountId, recorded.Region, recorded.EventTime.UtcTicks - (recorded.EventTime.UtcTicks % FileWindow));
                if (!_logFiles.TryGetValue(fileKey, out var file))
                {
                    // Named once by its first event's sequence: a rewrite replaces the same file.
                    file = new LogFile(recorded.Sequence);
                    _logFiles[fileKey] = file;
                }

                InsertSorted(file.Events, recorded);
                file.Changed = Interlocked.Increment(ref _changes);
            }
            else
            {
                Interlocked.Increment(ref _changes);
            }
        }
    }

    // Kept sorted by (time, sequence): scenario steps and imports (a replicated dataset repeats its times) may arrive out of order.
    private static void InsertSorted(List<RecordedEvent> list, RecordedEvent recorded)
    {
        int lo = 0, hi = list.Count;
        if (hi > 0 && Compare(list[hi - 1], recorded) <= 0)
        {
            list.Add(recorded);
            return;
        }

        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Compare(list[mid], recorded) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        list.Insert(lo, recorded);
    }

    /// <summary>Events of one account-region older than the cursor, newest first, that pass the filter.</summary>
    internal List<RecordedEvent> Page(string account, string region, Func<RecordedEvent, bool> filter, (DateTimeOffset Time, long Sequence)? before, int max)
    {
        var page = new List<RecordedEvent>(max);
        lock (_gate)
        {
            if (!_history.TryGetValue((account, region), out var list))
            {
                return page;
            }

            var i = list.Count - 1;
            if (before is { } cursor)
            {
                i = UpperBound(list, cursor) - 1;
            }

            for (; i >= 0 && page.Count < max; i--)
            {
                if (filter(list[i]))
                {
                    page.Add(list[i]);
                }
            }
        }

        return page;
    }

    internal IReadOnlyList<RecordedEvent> DataEvents()
    {
        lock (_gate)
        {
            return [.. _dataEvents];
        }
    }

    private static int UpperBound(List<RecordedEvent> list, (DateTimeOffset Time, long Sequence) cursor)
    {
        // First index whose (time, sequence) is >= the cursor: everything before it is strictly older.
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var cmp = list[mid].EventTime.CompareTo(cursor.Time);
            if (cmp == 0)
            {
                cmp = list[mid].Sequence.CompareTo(cursor.Sequence);
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int Compare(RecordedEvent a, RecordedEvent b)
    {
        var byTime = a.EventTime.CompareTo(b.EventTime);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    }

    /// <summary>One log file: an account, a region and a 5-minute window (its start, in ticks).</summary>
    private readonly record struct LogFileKey(string Account, string Region, long Window);

    /// <summary>A log file's events, sorted, the <see cref="Version"/> it last changed at and the sequence that names it.</summary>
    private sealed class LogFile(long id)
    {
        public long Id { get; } = id;

        public List<RecordedEvent> Events { get; } = [];

        public long Changed { get; set; }
    }
}
