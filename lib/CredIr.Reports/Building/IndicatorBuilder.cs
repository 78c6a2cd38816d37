using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>Indicators of compromise with first and last sighting and how often they were seen.</summary>
internal static class IndicatorBuilder
{
    private static readonly string[] TypeOrder =
        ["access-key-id", "principal-arn", "source-ip", "user-agent", "account-id", "region"];

    public static IReadOnlyList<ReportIndicator> Build(Incident incident, IReadOnlyList<ReportActorAction> actions)
    {
        var seen = new Dictionary<(string Type, string Value), Sighting>();
        void See(string type, string value, DateTimeOffset? at, int count)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            var key = (type, value);
            seen[key] = seen.TryGetValue(key, out var s) ? s.With(at, count) : new Sighting(at, at, count);
        }

        foreach (var a in actions)
        {
            See("access-key-id", a.AccessKeyId, a.At, 1);
            See("principal-arn", a.PrincipalArn, a.At, 1);
            See("source-ip", a.SourceIpAddress, a.At, 1);
            See("user-agent", a.UserAgent, a.At, 1);
            See("account-id", a.AccountId, a.At, 1);
            See("region", a.Region, a.At, 1);
            foreach (var created in a.CreatedAccessKeyIds)
            {
                See("access-key-id", created, a.At, 0);
            }
        }

        // Credentials in scope the actor never used are still indicators to hunt for elsewhere.
        foreach (var c in incident.Credentials)
        {
            See("access-key-id", c.AccessKeyId, ProtoValues.Time(c.Provenance?.CreatedAt), 0);
        }

        return seen
            .Select(kv => new ReportIndicator(kv.Key.Type, kv.Key.Value, kv.Value.First, kv.Value.Last, kv.Value.Count))
            .OrderBy(i => Array.IndexOf(TypeOrder, i.Type))
            .ThenByDescending(i => i.Count)
            .ThenBy(i => i.Value, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Sighting(DateTimeOffset? First, DateTimeOffset? Last, int Count)
    {
        public Sighting With(DateTimeOffset? at, int count) => new(
            Earlier(First, at),
            Later(Last, at),
            Count + count);

        private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) =>
            a is null ? b : b is null ? a : (a < b ? a : b);

        private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
            a is null ? b : b is null ? a : (a > b ? a : b);
    }
}
