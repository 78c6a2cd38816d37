using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

internal static partial class IncidentGrainLog
{
    [LoggerMessage(EventId = 210, Level = LogLevel.Warning, Message = "Incident {IncidentId}: a post-containment check failed ({Error}); the next reminder tick checks again")]
    public static partial void CheckFailed(ILogger logger, string incidentId, string error);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "Incident {IncidentId}: a reminder no longer needed could not be unregistered ({Error}); it goes at its next tick")]
    public static partial void ForgetFailed(ILogger logger, string incidentId, string error);
}
