using Microsoft.Extensions.Logging;

namespace CredIr.Grpc.Internal.Server;

internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Error, "gRPC call {Method} failed with an unhandled exception; answered {Status}")]
    public static partial void HandlerFailed(ILogger logger, string method, StatusCode status, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call {Method} cancelled by the client")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} ended with {Status}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode status);

    [LoggerMessage(5, LogLevel.Information, "gRPC request {Path} refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string path, string reason);

    [LoggerMessage(6, LogLevel.Debug, "Could not send the status of gRPC call {Method}: the client has gone")]
    public static partial void StatusNotSent(ILogger logger, string method, Exception exception);
}
