using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

internal static partial class GrainRuntimeLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Activated grain {Key}")]
    public static partial void Activated(ILogger logger, string key);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Dropped idle grain {Key}")]
    public static partial void Deactivated(ILogger logger, string key);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Grain {Key} lost a write race (attempt {Attempt}); retrying from fresh state")]
    public static partial void ConflictRetry(ILogger logger, string key, int attempt);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Grain {Key} still conflicted after {Attempt} attempts")]
    public static partial void ConflictGaveUp(ILogger logger, string key, int attempt);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Looking for other coordinators' changes to watched incidents failed; trying again on the next tick")]
    public static partial void WatchPollFailed(ILogger logger, Exception exception);
}
