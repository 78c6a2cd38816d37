namespace CredIr.Grpc;

/// <summary>
/// What a call carries besides its messages. On the server, filled from the HTTP/2 request; on the
/// client, the caller's request headers, deadline and cancellation, and where the response headers
/// and trailers are copied back. In-process calls use <see cref="InProcess"/>.
/// </summary>
public sealed class CallContext
{
    public CallContext(
        Metadata? requestHeaders = null,
        DateTimeOffset? deadline = null,
        CancellationToken cancellationToken = default)
    {
        RequestHeaders = requestHeaders ?? new Metadata();
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Request metadata (including "authorization").</summary>
    public Metadata RequestHeaders { get; }

    /// <summary>When the caller stops waiting; null for no deadline.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Cancelled when the caller goes away or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The remote address ("ipv4:127.0.0.1:5071"), or "in-process".</summary>
    public string Peer { get; init; } = "in-process";

    /// <summary>The authenticated caller, set by whoever authenticated the call; null when nobody did.</summary>
    public string? Caller { get; set; }

    /// <summary>Headers sent before the first response message (server) or received (client).</summary>
    public Metadata ResponseHeaders { get; private init; } = new();

    /// <summary>Trailers sent with the status (server) or received with it (client).</summary>
    public Metadata ResponseTrailers { get; private init; } = new();

    /// <summary>The same call (headers, trailers, caller) under another cancellation token.</summary>
    public CallContext WithCancellationToken(CancellationToken cancellationToken) =>
        new(RequestHeaders, Deadline, cancellationToken)
        {
            Peer = Peer,
            Caller = Caller,
            ResponseHeaders = ResponseHeaders,
            ResponseTrailers = ResponseTrailers,
        };

    /// <summary>A context for calling an implementation directly, in the same process.</summary>
    public static CallContext InProcess(CancellationToken cancellationToken, string? caller = null) =>
        new(cancellationToken: cancellationToken) { Caller = caller };
}
