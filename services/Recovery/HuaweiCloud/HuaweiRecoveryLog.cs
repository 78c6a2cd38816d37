using CredIr.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery.HuaweiCloud;

internal static partial class HuaweiRecoveryLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Incident {IncidentId}: Huawei Cloud recovery step {StepId} {Action} ended {Status}")]
    public static partial void StepExecuted(ILogger logger, string incidentId, string stepId, string action, StepStatus status);
}
