using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Hosting.Approvals;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>
    /// Part 3: scan every credential's calls (derived credentials found send the incident back to
    /// containing first), then a plan to delete what the actor created, approved and executed.
    /// </summary>
    private async Task<bool> EradicateAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        if (phases.Eradication is not { } eradication)
        {
            return await MissingAsync(session, "eradication", cancellationToken);
        }

        if (!session.Current.Findings.ScanComplete)
        {
            var complete = await new ScanRecorder(session, eradication, Context(actor, cancellationToken, stream: true)).RunAsync(cancellationToken);
            if (!complete)
            {
                await StopAsync(session, "advance again to resume the scan from its checkpoints", "the scan ended before covering every account and region", cancellationToken);
                return false;
            }

            // A derived credential moved the incident back to containing; that runs first.
            return true;
        }

        var plan = PlanRules.Open(session.Current, PlanKind.Eradication);
        if (plan is null && !PlanRules.HasLivePlan(session.Current, PlanKind.Eradication))
        {
            var events = await session.Store.ReadFindingsAsync(session.IncidentId, cancellationToken).ToListAsync(cancellationToken);
            var proposed = await eradication.PlanEradicationAsync(new PlanEradicationRequest
            {
                IncidentId = session.IncidentId,
                Events = { events },
                Credentials = { session.Current.Credentials },
                Scope = session.Current.Scope,
            }, Context(actor, cancellationToken));
            plan = await ProposeAsync(session, proposed, actor, cancellationToken);
            if (plan.Steps.Count == 0)
            {
                return await MoveAsync(session, Phase.Eradicated, "the actor created nothing to remove", cancellationToken);
            }
        }

        if (plan is null)
        {
            return await MoveAsync(session, Phase.Eradicated, "the actor's resources are removed", cancellationToken);
        }

        if (await GateAsync(session, plan, cancellationToken) is not { } approval)
        {
            return false;
        }

        return await ExecuteAsync(session, plan, approval, ApprovalMethods.ExecuteEradication, request => eradication.ExecuteEradication(request, Context(actor, cancellationToken, stream: true)).Responses(), cancellationToken);
    }
}
