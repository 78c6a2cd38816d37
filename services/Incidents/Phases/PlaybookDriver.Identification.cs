using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;

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
        }, context);
        var people = await identification.FindStakeholdersAsync(new FindStakeholdersRequest { AccountIds = { identified.AccountIds } }, context);
        foreach (var item in identified.Evidence)
        {
            await session.AppendEvidenceAsync("observed:" + item.Source, item.Summary, item.RawJson.Length > 0 ? item.RawJson : "{}", cancellationToken);
        }

        await session.CommitAsync(null, "identified", $"identified {identified.Credentials.Count} credential(s)", draft =>
        {
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
}
