using Microsoft.Extensions.Logging;

namespace CredIr.Identification.Notifications;

internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Notification {NotificationId} delivered to {Target} after {Attempts} attempts")]
    public static partial void Delivered(ILogger logger, string notificationId, string target, int attempts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Notification {NotificationId} to {Target} failed (attempt {Attempts}): {Error}; next attempt at {NextAttemptAt}")]
    public static partial void WillRetry(ILogger logger, string notificationId, string target, int attempts, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Notification {NotificationId} to {Target} given up after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, string notificationId, string target, int attempts, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Notification dispatcher pass failed; retrying after {Delay}")]
    public static partial void PassFailed(ILogger logger, Exception exception, TimeSpan delay);
}
