using CredIr.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery;

/// <summary>Structured logs of the Recovery service: identifiers only.</summary>
internal static partial class RecoveryLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Recovery plan for incident {IncidentId}: {Items} items from {Events} events")]
    public static partial void Planned(ILogger logger, string incidentId, int items, int events);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Recovery step {StepId} of incident {IncidentId}: {Status}")]
    public static partial void StepDone(ILogger logger, string incidentId, string stepId, StepStatus status);
}
