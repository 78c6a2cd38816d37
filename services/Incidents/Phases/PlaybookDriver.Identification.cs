using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using Grpc.Core;
using CredIr.Incidents.Grains;
using Google.Protobuf;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>Part 1: resolve the credentials, the compromise time and the people to tell.</summary>
    private async Task<bool> IdentifyAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        if (phases.Identification is not { } identification)
        {
            return await MissingAsync(session, "identification", cancellationToken);
        }

        var incident = session.Current;
        var context = Context(actor, cancellationToken);
        var responderTime = incident.CompromiseWindow?.Basis == CompromiseTimeBasis.Responder ? incident.CompromiseWindow.Start : null;
        var identified = await identification.IdentifyAsync(new IdentifyRequest
        {
            Input = incident.Input,
            Scope = incident.Scope,
            CompromiseTime = responderTime,
            TicketReference = incident.TicketReference,
            EndUserImpact = incident.EndUserImpact,
            // Containment first: the key IAM resolves is enough to contain it; the trail is read right after.
            DeferTrail = true,
        }, context);
        var people = await identification.FindStakeholdersAsync(new FindStakeholdersRequest { AccountIds = { identified.AccountIds } }, context);
        foreach (var item in identified.Evidence)
        {
            await session.AppendEvidenceAsync("observed:" + item.Source, item.Summary, item.RawJson.Length > 0 ? item.RawJson : "{}", cancellationToken);
        }

        foreach (var gap in identified.Gaps)
        {
            await session.AppendEvidenceAsync("gap:identification", $"{gap.AccountId}/{(gap.Region.Length > 0 ? gap.Region : "any region")}: {gap.Reason}", JsonFormatter.Default.Format(gap), cancellationToken);
        }

        await session.CommitAsync(null, "identified", $"identified {identified.Credentials.Count} credential(s)", draft =>
        {
            draft.IdentificationGaps.Clear();
            draft.IdentificationGaps.Add(identified.Gaps);
            if (identified.Gaps.Count > 0)
            {
                IncidentWorkflow.AddTimeline(draft, session.Now, "system", $"{Unread(identified.Gaps)}: {GoesAhead}");
            }

            foreach (var credential in identified.Credentials)
            {
                IncidentWorkflow.AddCredential(draft, credential, session.Now);
            }

            if (responderTime is null && identified.CompromiseWindow is not null)
            {
                draft.CompromiseWindow = identified.CompromiseWindow;
            }

            // The actor's reach is not the key's account: a derived session acts in any account the
            // organization trusts it into. Unless the responder narrowed it, the scope is the whole organization.
            if (draft.Scope.AccountIds.Count == 0)
            {
                draft.Scope.AllAccounts = true;
            }

            if (draft.Scope.Regions.Count == 0)
            {
                draft.Scope.AllRegions = true;
            }

            draft.Stakeholders.Add(people.Stakeholders);
            draft.Communications.Add(people.Communications);
            IncidentWorkflow.MoveTo(draft, Phase.Identified, $"{identified.Credentials.Count} credential(s), input {identified.InputKind}", session.Now);
            draft.WaitingFor = string.Empty;
            draft.LastError = string.Empty;
            return true;
        }, cancellationToken);
        return true;
    }

    /// <summary>
    /// When identification could not read CloudTrail, asks again (once per advance, never holding up the phase the
    /// incident is in): once it answers, the compromise time is revised from the records (unless a responder set
    /// it) and the gaps are cleared; while it still fails, nothing changes and the incident goes on.
    /// </summary>
    /// <returns>Always true: the phase goes on whatever CloudTrail answered.</returns>
    private async Task<bool> ReviseEstimateAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        var incident = session.Current;
        if (incident.IdentificationGaps.Count == 0 || incident.Phase is Phase.Opened or Phase.Closed || phases.Identification is not { } identification)
        {
            return true;
        }

        var responderTime = incident.CompromiseWindow?.Basis == CompromiseTimeBasis.Responder ? incident.CompromiseWindow.Start : null;
        IdentifyResponse again;
        try
        {
            again = await identification.IdentifyAsync(new IdentifyRequest { Input = incident.Input, Scope = incident.Scope, CompromiseTime = responderTime }, Context(actor, cancellationToken));
        }
        catch (RpcException exception)
        {
            PlaybookDriverLog.PhaseFailed(logger, session.IncidentId, "identification (revisit)", exception.Status.ToString());
            return true;
        }

        if (again.Gaps.Count > 0)
        {
            // Still unreadable: the incident goes on; the gaps now name the real errors (once each).
            if (!again.Gaps.SequenceEqual(incident.IdentificationGaps))
            {
                await session.CommitAsync(null, "estimate", "CloudTrail still unreadable", draft =>
                {
                    draft.IdentificationGaps.Clear();
                    draft.IdentificationGaps.Add(again.Gaps);
                    IncidentWorkflow.AddTimeline(draft, session.Now, "system", $"{Unread(again.Gaps)}: {GoesAhead}");
                    return true;
                }, cancellationToken);
            }

            return true;
        }

        await session.CommitAsync(null, "estimate", "CloudTrail answered: compromise time revised", draft =>
        {
            var before = draft.CompromiseWindow;
            if (responderTime is null && again.CompromiseWindow is not null)
            {
                draft.CompromiseWindow = again.CompromiseWindow;
            }

            // The scan reads each credential from its own start: the estimate from the records replaces the fallback
            // (the key's creation would attribute its legitimate use to the actor).
            foreach (var found in again.Credentials.Where(static c => c.ScanFrom is not null))
            {
                if (draft.Credentials.FirstOrDefault(c => c.AccessKeyId.Length > 0 && c.AccessKeyId == found.AccessKeyId) is { } known)
                {
                    known.ScanFrom = found.ScanFrom;
                }
            }

            draft.IdentificationGaps.Clear();
            IncidentWorkflow.AddTimeline(draft, session.Now, "system",
                $"CloudTrail answered: compromise time {(before?.Start is { } b ? $"{b.ToDateTimeOffset():u}" : "unknown")} revised to "
                + $"{(draft.CompromiseWindow?.Start is { } a ? $"{a.ToDateTimeOffset():u}" : "unknown")} ({draft.CompromiseWindow?.Explanation})");
            return true;
        }, cancellationToken);
        return true;
    }

    private const string GoesAhead = "containment goes ahead on the resolved key; the compromise time is provisional, and CloudTrail is asked again after containment and on each advance";

    private static string Unread(IEnumerable<SourceGap> gaps) =>
        "CloudTrail not read in " + string.Join(", ", gaps.Select(static g => $"{g.AccountId}/{(g.Region.Length > 0 ? g.Region : "any region")} ({g.ErrorCode})"));
}
