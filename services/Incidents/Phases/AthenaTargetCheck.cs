using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Phases;

/// <summary>
/// An incident that asks for an Athena target by name is checked against the targets the Eradication service is
/// configured with before it opens: a responder learns of a wrong name at once, not after containment when the scan
/// would start. Only a definite answer refuses the open: an Eradication service that cannot answer now never holds
/// up containment (the scan checks the name again and stops with the same message).
/// </summary>
internal sealed partial class AthenaTargetCheck(PhaseServices phases, ILogger<AthenaTargetCheck> logger)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public async Task RequireAsync(OpenIncidentRequest request, string actor, CancellationToken cancellationToken)
    {
        if (request.AthenaTarget.Length == 0 || phases.Eradication is not { } eradication)
        {
            return;
        }

        ListAthenaTargetsResponse configured;
        try
        {
            configured = await eradication.ListAthenaTargetsAsync(new ListAthenaTargetsRequest(),
                new CallOptions(new Metadata { { CallerHeaders.Caller, actor } }, Deadlines.After(CallTimeout), cancellationToken));
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled)
        {
            Unchecked(logger, request.AthenaTarget, exception.StatusCode.ToString());
            return;
        }

        if (configured.Targets.All(t => t.Name != request.AthenaTarget))
        {
            var names = configured.Targets.Count > 0 ? $"configured: {string.Join(", ", configured.Targets.Select(static t => t.Name))}" : "it has none (Eradication:Athena:Targets)";
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"athena_target: '{request.AthenaTarget}' is not an Athena target the Eradication service is configured with ({names}); leave it empty for its default target."));
        }
    }

    [LoggerMessage(EventId = 220, Level = LogLevel.Warning, Message = "The Athena target {Target} could not be checked before opening ({Status}); the scan checks it")]
    private static partial void Unchecked(ILogger logger, string target, string status);
}
