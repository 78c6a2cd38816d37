using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Phases;

internal static partial class PlaybookDriverLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Incident {IncidentId}: the {Phase} phase service failed with {Status}")]
    public static partial void PhaseFailed(ILogger logger, string incidentId, string phase, string status);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Incident {IncidentId}: step {StepId} resumed from a journaled intent")]
    public static partial void StepResumed(ILogger logger, string incidentId, string stepId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Incident {IncidentId}: step {StepId} failed")]
    public static partial void StepFailed(ILogger logger, string incidentId, string stepId);
}
