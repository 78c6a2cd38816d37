using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

internal static partial class RunClaimsLog
{
    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Incident {IncidentId}: taking over the run from {Holder}, which no longer runs on this host")]
    public static partial void TakingOver(ILogger logger, string incidentId, string holder);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Incident {IncidentId}: the run claim was taken by {Holder}; stopping this run")]
    public static partial void Lost(ILogger logger, string incidentId, string holder);
}
