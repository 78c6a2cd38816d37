using CredIr.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.HuaweiCloud;

internal static partial class HuaweiEradicationLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Incident {IncidentId}: Huawei Cloud eradication step {StepId} {Action} ended {Status}")]
    public static partial void StepExecuted(ILogger logger, string incidentId, string stepId, string action, StepStatus status);
}
