using Microsoft.Extensions.Logging;

namespace CredIr.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method}: the caller cancelled the call or its deadline passed ({Status})")]
    public static partial void CallEnded(ILogger logger, string method, Grpc.Core.StatusCode status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method}: the client reset the call while its request was arriving")]
    public static partial void RequestAbandoned(ILogger logger, string method);
}
