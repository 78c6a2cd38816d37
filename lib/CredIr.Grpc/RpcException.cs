namespace CredIr.Grpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by handlers to choose the status the caller sees,
/// and by the client when the server answered one. The message travels as grpc-message: it must not
/// carry secrets.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(StatusCode status, string message)
        : this(status, message, trailers: null)
    {
    }

    public RpcException(StatusCode status, string message, Metadata? trailers)
        : base(message)
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException()
        : this(StatusCode.Unknown, "Unknown error.")
    {
    }

    public RpcException(string message)
        : this(StatusCode.Unknown, message)
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCode.Unknown;
        Trailers = new Metadata();
    }

    /// <summary>The status code of the call.</summary>
    public StatusCode Status { get; }

    /// <summary>Extra trailers sent with the status (server) or received with it (client).</summary>
    public Metadata Trailers { get; }
}
