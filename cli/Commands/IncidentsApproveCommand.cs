using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Incidents;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

internal static class IncidentsApproveCommand
{
    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var output = ClientOptions.Output();
        var id = ClientOptions.IncidentId();
        var approval = new Argument<string?>("approval-id") { Description = "The approval (as show prints it); default: the incident's one pending approval.", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string>("--reason") { Description = "Why, recorded with the decision.", DefaultValueFactory = _ => string.Empty };
        var reject = new Option<bool>("--reject") { Description = "Reject the plan instead of approving it." };
        var noAdvance = new Option<bool>("--no-advance") { Description = "Only record the decision; do not run the playbook on to its next approval." };
        var command = new Command("approve", CliApp.Describe(
            "Approve (or --reject) a plan the incident waits for, as $CREDIR_USER (else your user name), then run the playbook on to its next approval. Under the two-person rule the approver must differ from who asked.",
            "credir incidents approve inc-20261123-023109-3b9dbf49",
            "credir incidents approve inc-20261123-023109-3b9dbf49 containment-1-approval --reason \"checked with the app owner\"",
            "credir incidents approve inc-20261123-023109-3b9dbf49 --reject --reason \"false positive\""))
        {
            id, approval, server, output, reason, reject, noAdvance,
        };
        command.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            var incidentId = result.GetValue(id)!;
            var approvalId = result.GetValue(approval);
            if (approvalId is null)
            {
                var incident = await client.CallAsync((s, c) => s.GetIncidentAsync(new GetIncidentRequest { IncidentId = incidentId }, c), ct);
                approvalId = IncidentView.Pending(incident)?.ApprovalId
                    ?? throw new CliException($"incident {incidentId} waits for no approval (phase {EnumText.Of(incident.Phase)}{(incident.WaitingFor.Length > 0 ? $", waiting for {incident.WaitingFor}" : string.Empty)})");
            }

            var request = new DecideRequest { RequestId = Guid.NewGuid().ToString("N"), IncidentId = incidentId, ApprovalId = approvalId, Reason = result.GetValue(reason)! };
            var rejecting = result.GetValue(reject);
            var decided = await client.CallAsync((s, c) => rejecting ? s.RejectAsync(request, c) : s.ApproveAsync(request, c), ct);
            var after = rejecting || result.GetValue(noAdvance)
                ? decided
                : await client.CallAsync((s, c) => s.AdvanceAsync(new AdvanceRequest { RequestId = Guid.NewGuid().ToString("N"), IncidentId = incidentId }, c), ct);
            if (result.GetValue(output) == ClientOptions.Json)
            {
                ProtoJson.Write(after);
                return 0;
            }

            var recorded = decided.Approvals.First(a => a.ApprovalId == approvalId);
            Console.Out.WriteLine($"approval {approvalId} ({recorded.PlanId}): {IncidentView.Decision(recorded)}");
            Console.Out.WriteLine($"incident {incidentId}: phase {EnumText.Of(after.Phase)}{(after.WaitingFor.Length > 0 ? $", waiting for {after.WaitingFor}" : string.Empty)}");
            return 0;
        }));
        return command;
    }
}
