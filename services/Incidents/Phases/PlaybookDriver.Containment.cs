using CredIr.Contracts.V1;
using CredIr.Incidents.Grains;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>
    /// Part 2: a plan for the credentials no plan covers yet (all at first, then each derived one
    /// the scan finds), its approval, then each step through the journal; contained when none is left.
    /// </summary>
    private async Task<bool> ContainAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        if (phases.Containment is not { } containment)
        {
            return await MissingAsync(session, "containment", cancellationToken);
        }

        var plan = PlanRules.Open(session.Current, PlanKind.Containment);
        var uncovered = PlanRules.Uncovered(session.Current);
        if (plan is null && uncovered.Count > 0)
        {
            var proposed = await containment.PlanContainmentAsync(new PlanContainmentRequest
            {
                IncidentId = session.IncidentId,
                Credentials = { uncovered },
                Options = new ContainmentOptions(),
                RevokeBefore = Timestamp.FromDateTimeOffset(session.Now),
            }, Context(actor, cancellationToken));
            proposed.CredentialIds.Clear();
            proposed.CredentialIds.Add(uncovered.Select(PlanRules.CredentialId));
            plan = await ProposeAsync(session, proposed, actor, cancellationToken);
            if (plan.Steps.Count == 0)
            {
                // Nothing to change (already inactive, or nothing revocable): the plan is done as made.
                return true;
            }
        }

        if (plan is null)
        {
            return await MoveAsync(session, Phase.Contained, $"{session.Current.Credentials.Count} credential(s) contained", cancellationToken);
        }

        if (await GateAsync(session, plan, cancellationToken) is not { } approval)
        {
            return false;
        }

        return await ExecuteAsync(session, plan, approval, request => containment.ExecuteContainmentAsync(request, Context(actor, cancellationToken)), cancellationToken);
    }
}
