using CredIr.Cli.Playbook;
using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Cli.Demo;

/// <summary>
/// Containment's verification (playbook Part 2): watch CloudTrail for any use of the contained
/// credentials after containment. The coordinator does not run it itself, so the demo asks the
/// containment service and records the verdict on the incident as a note. AWS's playbook watches
/// for 30 minutes plus CloudTrail's delivery delay; the sandbox delivers at once, so the demo
/// watches for <see cref="Window"/>.
/// </summary>
internal static class DemoVerification
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    public static async Task<VerificationResult?> RunAsync(IContainmentService containment, Incident incident, ProgressPrinter progress, CancellationToken cancellationToken)
    {
        var keys = incident.Credentials.Where(static c => c.AccessKeyId.Length > 0).ToList();
        if (incident.ContainedAt is null || keys.Count == 0)
        {
            progress.Line("containment verification: nothing was contained, nothing to watch");
            return null;
        }

        progress.Line($"containment verification: watching CloudTrail for {keys.Count} contained keys since {IncidentViewTime(incident.ContainedAt)} ({Window.TotalSeconds:0} s in the demo; 30 min on AWS)");
        var request = new VerifyContainmentRequest
        {
            IncidentId = incident.IncidentId,
            Credentials = { keys },
            ContainedAt = incident.ContainedAt,
            Window = Duration.FromTimeSpan(Window),
            PollInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
            DeliveryDelay = Duration.FromTimeSpan(TimeSpan.Zero),
            Scope = incident.Scope,
        };
        VerificationResult? result = null;
        await foreach (var update in containment.VerifyContainmentAsync(request, CallContext.InProcess(cancellationToken, "credir-demo")).WithCancellation(cancellationToken))
        {
            switch (update.UpdateCase)
            {
                case VerificationUpdate.UpdateOneofCase.Use:
                    progress.Line($"  used after containment: {update.Use.AccessKeyId} {update.Use.EventSource} {update.Use.EventName} {(update.Use.ErrorCode.Length > 0 ? update.Use.ErrorCode : "allowed")}");
                    break;
                case VerificationUpdate.UpdateOneofCase.Gap:
                    progress.Line($"  could not read {update.Gap.AccountId}/{update.Gap.Region}: {update.Gap.Reason}");
                    break;
                case VerificationUpdate.UpdateOneofCase.Result:
                    result = update.Result;
                    break;
            }
        }

        if (result is not null)
        {
            progress.Line($"containment verification: {Output.EnumText.Of(result.Verdict)} ({result.UsesAllowed} allowed, {result.UsesDenied} denied uses after containment)");
        }

        return result;
    }

    private static string IncidentViewTime(Timestamp at) => Incidents.IncidentView.Time(at);
}
