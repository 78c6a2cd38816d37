using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Support;

/// <summary>Gets an incident to its containment approval through whatever client is given.</summary>
internal static class Approvals
{
    public static CallOptions As(string subject, string role) =>
        new(new Metadata { { "authorization", "Bearer " + Tokens.For(subject, role) } }, DateTime.UtcNow.AddSeconds(30));

    /// <summary>Opens and advances an incident as rita (responder); returns its id and the pending approval's.</summary>
    public static async Task<(string IncidentId, string ApprovalId)> PendingAsync(CredIr.Contracts.V1.Incidents.IncidentsClient client, string requestId)
    {
        var opened = await client.OpenIncidentAsync(
            new OpenIncidentRequest { RequestId = requestId, Title = "approval", Input = new IdentificationInput { AccessKeyId = "AKIAIOSFODNN7EXAMPLE" } },
            As("rita", "responder"));
        var advanced = await client.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, As("rita", "responder"));
        var pending = advanced.Approvals.SingleOrDefault(a => a.Decision == ApprovalDecision.Pending)
            ?? throw new InvalidOperationException($"no pending approval after Advance; waiting for: {advanced.WaitingFor}");
        return (opened.IncidentId, pending.ApprovalId);
    }
}
