using CredIr.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment;

internal static partial class ContainmentLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Incident {IncidentId}: planned containment {PlanId} with {Steps} steps")]
    public static partial void Planned(ILogger logger, string incidentId, string planId, int steps);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Incident {IncidentId}: step {StepId} {Action} ended {Status}")]
    public static partial void StepExecuted(ILogger logger, string incidentId, string stepId, string action, StepStatus status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Incident {IncidentId}: rollback of step {StepId} {Action} ended {Status}")]
    public static partial void StepRolledBack(ILogger logger, string incidentId, string stepId, string action, StepStatus status);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Incident {IncidentId}: verification cannot read account {AccountId} region {Region}: {Code}")]
    public static partial void VerificationGap(ILogger logger, string incidentId, string accountId, string region, string code);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Incident {IncidentId}: verification ended {Verdict} ({Allowed} allowed, {Denied} denied)")]
    public static partial void Verified(ILogger logger, string incidentId, VerificationVerdict verdict, int allowed, int denied);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Step {StepId}: the response could not enter account {AccountId} again after revoking the response role's older sessions")]
    public static partial void ResponseLockedOut(ILogger logger, string stepId, string accountId);
}
