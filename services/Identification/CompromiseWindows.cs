using CredIr.Contracts.V1;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Evidence;
using CredIr.Identification.Inputs;
using CredIr.Identification.Resolution;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Identification;

/// <summary>Estimates each credential's compromise time and the incident's window, with the evidence behind them.</summary>
internal static class CompromiseWindows
{
    public static CompromiseWindow Build(ParsedInput parsed, ResolutionResult resolution, DateTimeOffset? responderTime, TimeSpan baseline, EvidenceLog evidence, IdentifyResponse response)
    {
        var estimates = new List<(CompromiseEstimate Estimate, string? EvidenceId)>();
        var ips = new List<string>(parsed.SourceIps);
        var agents = new List<string>(parsed.UserAgents);
        foreach (var resolved in resolution.Credentials)
        {
            var credential = resolved.Credential;
            var estimate = CompromiseTimeEstimator.Estimate(new CompromiseTimeRequest
            {
                Input = parsed,
                ResponderTime = responderTime,
                Baseline = baseline,
                RecordsFrom = resolved.RecordsTruncated ? null : resolved.RecordsFrom,
                CredentialCreatedAt = credential.CreatedAt?.ToDateTimeOffset(),
                CredentialLastUsedAt = credential.LastUsedAt?.ToDateTimeOffset(),
                UnreadableTrails = resolved.Gaps.Count,
            }, resolved.Records);
            if (estimate.Start is { } start)
            {
                credential.ScanFrom = Timestamp.FromDateTimeOffset(start);
            }

            string? id = null;
            if (estimate.FirstSuspiciousUse is { } use)
            {
                id = evidence.Add("credir:compromise-time", use.Describe(), use.Record.RawJson, use.Record.EventTime);
            }

            ips.AddRange(estimate.SuspiciousUses.Select(u => u.NewSourceIp).OfType<string>());
            agents.AddRange(estimate.SuspiciousUses.Select(u => u.NewUserAgent).OfType<string>());
            estimates.Add((estimate, id));
        }

        response.SuspiciousSourceIps.AddRange(ips.Distinct(StringComparer.Ordinal));
        response.SuspiciousUserAgents.AddRange(agents.Distinct(StringComparer.Ordinal));
        var window = new CompromiseWindow();
        var chosen = estimates.Where(e => e.Estimate.Start is not null).OrderBy(e => e.Estimate.Start).FirstOrDefault();
        if (chosen.Estimate is null)
        {
            // No credential resolved: the finding's or the responder's time still stands.
            var fallback = CompromiseTimeEstimator.Estimate(new CompromiseTimeRequest { Input = parsed, ResponderTime = responderTime, Baseline = baseline }, []);
            window.Basis = fallback.Basis;
            window.Explanation = fallback.Explanation;
            window.Start = fallback.Start is { } s ? Timestamp.FromDateTimeOffset(s) : null;
            return window;
        }

        window.Start = Timestamp.FromDateTimeOffset(chosen.Estimate.Start!.Value);
        window.Basis = chosen.Estimate.Basis;
        window.Explanation = chosen.Estimate.Explanation;
        window.EvidenceIds.AddRange(estimates.Select(e => e.EvidenceId).OfType<string>());
        return window;
    }
}
