using CredIr.Cli.Client;
using CredIr.Cli.Incidents;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Cli.Playbook;

/// <summary>
/// Drives one incident through the playbook (the demo, <c>respond</c>): advances it, gets past each
/// approval the way <see cref="ApprovalMode"/> says, and prints every change from the incident's
/// watch stream while it goes.
/// </summary>
internal sealed class PlaybookRunner(IncidentsClient client, ProgressPrinter progress, ApprovalMode mode)
{
    // Waiting for the watch stream to show the last change is cosmetic; a stalled stream must not hold the run.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    public async Task<RunOutcome> RunAsync(string incidentId, TimeSpan? budget, CancellationToken cancellationToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget is { } allowed)
        {
            run.CancelAfter(allowed);
        }

        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feed = new IncidentFeed();
        var watching = WatchAsync(incidentId, feed, watch.Token);
        try
        {
            await feed.WaitAsync(static _ => true, run.Token);
            var outcome = await DriveAsync(incidentId, feed, run.Token);
            await CatchUpAsync(feed, outcome.Incident.Version, cancellationToken);
            return outcome;
        }
        catch (OperationCanceledException) when (budget is { } limit && run.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            progress.Line($"the run's time budget ({limit.TotalSeconds:0} s) ran out");
            var last = await client.CallAsync((s, c) => s.GetIncidentAsync(new GetIncidentRequest { IncidentId = incidentId }, c), cancellationToken);
            return new RunOutcome(last, RunEnd.OutOfTime);
        }
        finally
        {
            await watch.CancelAsync();
            try
            {
                await watching;
            }
            catch (OperationCanceledException)
            {
                // The watch ends by cancellation once the run is over.
            }
        }
    }

    /// <summary>Lets the watch stream print every change up to <paramref name="version"/> before the run says more.</summary>
    private async Task CatchUpAsync(IncidentFeed feed, long version, CancellationToken cancellationToken)
    {
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(DrainTimeout);
        try
        {
            await feed.WaitAsync(i => i.Version >= version, drain.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            progress.Line("(the watch stream fell behind; what follows is the incident's latest state)");
        }
    }

    private async Task WatchAsync(string incidentId, IncidentFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in client.StreamAsync((s, c) => s.WatchIncident(new WatchIncidentRequest { IncidentId = incidentId }, c), cancellationToken))
            {
                progress.Change(change);
                feed.Publish(change.Incident);
            }

            feed.End(new CliException($"the server ended the watch of {incidentId}"));
        }
        catch (CliException e)
        {
            feed.End(e);
        }
    }

    private async Task<RunOutcome> DriveAsync(string incidentId, IncidentFeed feed, CancellationToken cancellationToken)
    {
        var lastVersion = -1L;
        while (true)
        {
            var incident = await client.CallAsync((s, c) => s.AdvanceAsync(new AdvanceRequest { RequestId = Guid.NewGuid().ToString("N"), IncidentId = incidentId }, c), cancellationToken);
            if (incident.Phase is Phase.Recovered or Phase.Closed)
            {
                return new RunOutcome(incident, RunEnd.Completed);
            }

            if (IncidentView.Pending(incident) is { } pending)
            {
                await CatchUpAsync(feed, incident.Version, cancellationToken);
                if (await DecideAsync(incident, pending, feed, cancellationToken) is { } end)
                {
                    return new RunOutcome(await GetAsync(incidentId, cancellationToken), end);
                }

                continue;
            }

            // An error, or an advance that changed nothing: a responder must look.
            if (incident.LastError.Length > 0 || incident.Version == lastVersion)
            {
                return new RunOutcome(incident, RunEnd.Stopped);
            }

            lastVersion = incident.Version;
        }
    }

    /// <summary>Null when the plan is approved and the run goes on; else why the run ends.</summary>
    private async Task<RunEnd?> DecideAsync(Incident incident, Approval pending, IncidentFeed feed, CancellationToken cancellationToken)
    {
        var plan = incident.Plans.FirstOrDefault(p => p.PlanId == pending.PlanId) ?? new Plan { PlanId = pending.PlanId };
        var approveCommand = $"credir incidents approve {incident.IncidentId} {pending.ApprovalId}";
        if (mode != ApprovalMode.Prompt)
        {
            progress.Line($"plan {plan.PlanId} ({plan.Steps.Count} steps) waits for approval {pending.ApprovalId}: {approveCommand}, or run with --auto-approve");
            return RunEnd.WaitingForApproval;
        }

        var request = new DecideRequest { RequestId = Guid.NewGuid().ToString("N"), IncidentId = incident.IncidentId, ApprovalId = pending.ApprovalId };
        if (!ApprovalPrompt.Ask(plan, pending))
        {
            request.Reason = "rejected at the credir respond prompt";
            await client.CallAsync((s, c) => s.RejectAsync(request, c), cancellationToken);
            return RunEnd.Rejected;
        }

        try
        {
            await client.Service.ApproveAsync(request, client.Context(cancellationToken));
            return null;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.PermissionDenied)
        {
            // The two-person rule: someone else must approve; the run resumes when they do.
            progress.Line($"{error.Status.Detail} Waiting for another approver: {approveCommand}");
            var decided = await feed.WaitAsync(i => i.Approvals.Any(a => a.ApprovalId == pending.ApprovalId && a.Decision != ApprovalDecision.Pending), cancellationToken);
            return IsGranted(decided, pending.ApprovalId) ? null : RunEnd.Rejected;
        }
        catch (RpcException error)
        {
            throw client.Translate(error);
        }
    }

    private static bool IsGranted(Incident incident, string approvalId) =>
        incident.Approvals.First(a => a.ApprovalId == approvalId).Decision is ApprovalDecision.Approved or ApprovalDecision.AutoApproved;

    private Task<Incident> GetAsync(string incidentId, CancellationToken cancellationToken) =>
        client.CallAsync((s, c) => s.GetIncidentAsync(new GetIncidentRequest { IncidentId = incidentId }, c), cancellationToken);
}
