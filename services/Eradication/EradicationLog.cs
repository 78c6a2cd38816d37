using CredIr.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication;

internal static partial class EradicationLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Incident {IncidentId}: eradication step {StepId} ({Action}) {Status}")]
    public static partial void StepExecuted(ILogger logger, string incidentId, string stepId, string action, StepStatus status);
}
