using System.Runtime.CompilerServices;
using CredIr.Contracts;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Reporting;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Service;

public sealed partial class IncidentsService
{
    private async Task<Incident> OpenAsync(OpenIncidentRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (request.RequestId.Length > 0 && await _store.FindRequestAsync(request.RequestId, cancellationToken) is { } existing)
        {
            return await Retry(() => _grains.GetGrain<IIncidentGrain>(existing).GetAsync(cancellationToken), repeatable: true, cancellationToken);
        }

        await _athenaTargets.RequireAsync(request, Actor(context), cancellationToken);
        var grain = _grains.GetGrain<IIncidentGrain>(IncidentIds.New(_time));
        try
        {
            return await Retry(() => grain.OpenAsync(request, Actor(context), cancellationToken), repeatable: request.RequestId.Length > 0, cancellationToken);
        }
        catch (IncidentConflictException) when (request.RequestId.Length > 0)
        {
            // Another caller opened with the same request id at the same moment: theirs is the incident.
            var winner = await _store.FindRequestAsync(request.RequestId, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return await _grains.GetGrain<IIncidentGrain>(winner).GetAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs the playbook to its next resting point (an approval, the end, an error): the run goes on
    /// beside the grain's turns, and each grain call waits a bounded time for it, so a scan of minutes
    /// neither blocks the incident nor meets Orleans' response timeout.
    /// </summary>
    private async Task<Incident> AdvanceAsync(string incidentId, string actor, CancellationToken cancellationToken)
    {
        var grain = Grain(incidentId);
        var current = await Retry(() => grain.GetAsync(cancellationToken), repeatable: true, cancellationToken);
        if (ValidTimes.InvalidPaths(current) is [var first, ..])
        {
            // Stored before the hosts refused such times: the playbook cannot run on it, but the incident is not lost.
            throw new RpcException(new Status(StatusCode.FailedPrecondition, first == "compromise_window.start"
                ? $"Incident {incidentId} holds an invalid compromise time (stored before such times were refused); set a valid one with SetCompromiseTime, then advance."
                : $"Incident {incidentId} holds an invalid time in {first} (stored before such times were refused); it cannot advance."));
        }

        while (true)
        {
            // An advance is safe to repeat: the journal makes every side effect happen once.
            var outcome = await Retry(() => grain.AdvanceAsync(actor, _advanceCallWait, cancellationToken), repeatable: true, cancellationToken);
            if (!outcome.Running)
            {
                return outcome.Incident;
            }
        }
    }

    /// <summary>
    /// The grain's changes from <paramref name="fromVersion"/> on. When its activation goes away (idle,
    /// or its silo died and it moved), the watch carries on from the last version seen, on whichever
    /// silo holds the incident now; it ends when the incident is closed or the caller leaves.
    /// </summary>
    private async IAsyncEnumerable<IncidentChange> WatchAsync(string incidentId, long fromVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var grain = Grain(incidentId);
        var seen = fromVersion;
        while (!cancellationToken.IsCancellationRequested)
        {
            var closed = false;
            await using var changes = grain.WatchAsync(seen, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await changes.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception exception) when (ClusterRetry.IsNodeFailure(exception) && !cancellationToken.IsCancellationRequested)
                {
                    // The node holding the incident went away: watch again once it lives elsewhere.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
                    break;
                }

                seen = changes.Current.Version;
                closed = changes.Current.Incident.Phase == Phase.Closed;
                yield return changes.Current;
            }

            if (closed)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<EvidenceEntry> ExportAsync(string incidentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Grain(incidentId).GetAsync(cancellationToken);
        await foreach (var record in _evidence.ExportAsync(incidentId, cancellationToken))
        {
            yield return new EvidenceEntry
            {
                Sequence = record.Sequence,
                At = Timestamp.FromDateTimeOffset(record.At),
                Kind = record.Kind,
                Summary = record.Summary,
                PayloadJson = record.PayloadJson,
                Hash = record.Hash,
                PreviousHash = record.PreviousHash,
            };
        }
    }

    /// <summary>The post-incident report (JSON by default, Markdown or self-contained HTML), built from the incident, its findings, journal and evidence.</summary>
    private async Task<Report> ReportAsync(GetReportRequest request, CancellationToken cancellationToken)
    {
        var incident = await Retry(() => Grain(request.IncidentId).GetAsync(cancellationToken), repeatable: true, cancellationToken);
        var reporter = new IncidentReporter(new ReportInputReader(_store, _evidence), _time);
        return await reporter.ReportAsync(incident, request.Format, cancellationToken);
    }
}
