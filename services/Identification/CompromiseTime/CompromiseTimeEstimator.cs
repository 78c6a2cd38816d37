using CredIr.Contracts.V1;

namespace CredIr.Identification.CompromiseTime;

/// <summary>
/// Proposes when a credential was compromised (playbook Part 1, step 6): the responder's time if set, else the
/// finding's first-seen time, else the earliest use from a source IP or user agent the credential had not used in
/// the baseline window before it, else the earliest known use or the credential's creation.
/// </summary>
public static class CompromiseTimeEstimator
{
    /// <summary>How many flagged uses are kept for the evidence log; the first is what matters.</summary>
    public const int MaxSuspiciousUses = 50;

    public static async Task<CompromiseEstimate> EstimateAsync(CompromiseTimeRequest request, IAsyncEnumerable<TrailRecord> records, CancellationToken cancellationToken)
    {
        var buffered = new List<TrailRecord>();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            buffered.Add(record);
        }

        return Estimate(request, buffered);
    }

    public static CompromiseEstimate Estimate(CompromiseTimeRequest request, IEnumerable<TrailRecord> records)
    {
        // LookupEvents returns newest first; the window slides forward in time.
        var ordered = records.OrderBy(r => r.EventTime).ThenBy(r => r.EventId, StringComparer.Ordinal).ToList();
        var uses = FindSuspiciousUses(ordered, request.Baseline, request.RecordsFrom ?? ordered.FirstOrDefault()?.EventTime);
        var first = uses.FirstOrDefault();
        var estimate = Choose(request, ordered, first);
        return estimate with { FirstSuspiciousUse = first, SuspiciousUses = uses, RecordsExamined = ordered.Count };
    }

    private static CompromiseEstimate Choose(CompromiseTimeRequest request, List<TrailRecord> ordered, SuspiciousUse? first)
    {
        if (request.ResponderTime is { } set)
        {
            return new CompromiseEstimate(set, CompromiseTimeBasis.Responder, $"set by the responder to {set:u}");
        }

        if (request.Input?.FirstSeen is { } seen)
        {
            var note = first is not null && first.Record.EventTime < seen
                ? $"; note: an earlier use from a new source was seen at {first.Record.EventTime:u} ({first.Describe()}), consider setting the time to it"
                : "";
            return new CompromiseEstimate(seen, CompromiseTimeBasis.Finding, $"{request.Input.FirstSeenField ?? "the finding"}: {seen:u}{note}");
        }

        if (first is not null)
        {
            return new CompromiseEstimate(first.Record.EventTime, CompromiseTimeBasis.FirstSuspiciousUse,
                $"earliest use from a new source: {first.Describe()}");
        }

        if (ordered.Count > 0)
        {
            return new CompromiseEstimate(ordered[0].EventTime, CompromiseTimeBasis.Fallback,
                $"no use from a new source IP or user agent among {ordered.Count} records; taking the earliest record, {ordered[0].EventTime:u} (event {ordered[0].EventId})");
        }

        // CloudTrail unreadable: the key's creation is the earliest the compromise can be, its last use the latest.
        var unread = request.UnreadableTrails > 0
            ? $"CloudTrail not read in {request.UnreadableTrails} account-region(s) (failing, denied, or left until after containment), so no records of use; "
            : "no records of use; ";
        var lastUsed = request.CredentialLastUsedAt is { } used ? $" (last used {used:u})" : "";
        if (request.CredentialCreatedAt is { } created)
        {
            return new CompromiseEstimate(created, CompromiseTimeBasis.Fallback, $"{unread}taking the credential's creation, {created:u}{lastUsed}");
        }

        return request.CredentialLastUsedAt is { } last
            ? new CompromiseEstimate(last, CompromiseTimeBasis.Fallback, $"{unread}no creation time known; taking the key's last use, {last:u}: set the compromise time if it began earlier")
            : new CompromiseEstimate(null, CompromiseTimeBasis.Unspecified, $"{unread}no finding time and no creation time: set the compromise time");
    }

    private static List<SuspiciousUse> FindSuspiciousUses(List<TrailRecord> ordered, TimeSpan window, DateTimeOffset? recordsFrom)
    {
        var uses = new List<SuspiciousUse>();
        var baseline = new Queue<TrailRecord>();
        var ips = new Dictionary<string, int>(StringComparer.Ordinal);
        var agents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in ordered)
        {
            var from = record.EventTime - window;
            while (baseline.TryPeek(out var old) && old.EventTime < from)
            {
                Remove(ips, baseline.Peek().SourceIpAddress);
                Remove(agents, baseline.Dequeue().UserAgent);
            }

            var complete = recordsFrom is { } start && from >= start;
            // With nothing before it and records that do not reach back a whole window, there is nothing to compare with.
            if (uses.Count < MaxSuspiciousUses && (baseline.Count > 0 || complete) && !record.FromAwsService)
            {
                var newIp = record.SourceIpAddress is { } ip && !ips.ContainsKey(ip) ? ip : null;
                var newAgent = record.UserAgent is { } ua && !agents.ContainsKey(ua) ? ua : null;
                if (newIp is not null || newAgent is not null)
                {
                    uses.Add(new SuspiciousUse(record, newIp, newAgent, baseline.Count, complete ? from : recordsFrom ?? from, complete));
                }
            }

            baseline.Enqueue(record);
            Add(ips, record.SourceIpAddress);
            Add(agents, record.UserAgent);
        }

        return uses;
    }

    private static void Add(Dictionary<string, int> counts, string? key)
    {
        if (key is not null)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private static void Remove(Dictionary<string, int> counts, string? key)
    {
        if (key is not null && counts.TryGetValue(key, out var n))
        {
            if (n <= 1)
            {
                counts.Remove(key);
            }
            else
            {
                counts[key] = n - 1;
            }
        }
    }
}
