namespace CredIr.Grpc.Internal.Server;

/// <summary>
/// The status a failed call answers. Only an RpcException chooses its own message: any other
/// exception's message may hold secrets, so it reaches the wire only with EnableDetailedErrors.
/// </summary>
internal static class StatusMapper
{
    public const string GenericMessage = "Exception was thrown by handler.";

    public static (StatusCode Status, string Message) Map(Exception exception, bool deadlineExceeded, bool clientGone, bool detailedErrors)
    {
        if (deadlineExceeded)
        {
            return (StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        if (exception is RpcException rpc)
        {
            return (rpc.Status, rpc.Message);
        }

        if (clientGone && exception is OperationCanceledException or IOException)
        {
            return (StatusCode.Cancelled, "Call canceled by the client.");
        }

        var message = detailedErrors
            ? $"{GenericMessage} {exception.GetType().Name}: {exception.Message}"
            : GenericMessage;
        return (StatusCode.Unknown, message);
    }
}
