using Microsoft.Extensions.Logging;

namespace CredIr.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method}: the caller cancelled the call or its deadline passed ({Status})")]
    public static partial void CallEnded(ILogger logger, string method, Grpc.Core.StatusCode status);
}
