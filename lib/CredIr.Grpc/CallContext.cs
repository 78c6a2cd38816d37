using CredIr.Grpc.Internal.Server;
using Microsoft.AspNetCore.Http;

namespace CredIr.Grpc;

/// <summary>
/// What a call carries besides its messages. On the server, filled from the HTTP/2 request; on the
/// client, the caller's request headers, deadline and cancellation, and where the response headers
/// and trailers are copied back. In-process calls use <see cref="InProcess"/>.
/// </summary>
public sealed class CallContext
{
    // On the server, metadata and peer are read from the request only when a handler asks: most never do.
    private readonly HttpContext? _http;
    private readonly string? _callerKey;
    private Metadata? _requestHeaders;
    private string? _caller;
    private bool _callerKnown;
    private string? _peer;
    private Metadata? _responseHeaders;
    private Metadata? _responseTrailers;

    public CallContext(
        Metadata? requestHeaders = null,
        DateTimeOffset? deadline = null,
        CancellationToken cancellationToken = default)
    {
        _requestHeaders = requestHeaders;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    internal CallContext(HttpContext http, string? callerKey, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        _http = http;
        _callerKey = callerKey;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Request metadata (including "authorization").</summary>
    public Metadata RequestHeaders => _requestHeaders ??= _http is null ? new Metadata() : RequestMetadata.From(_http.Request.Headers);

    /// <summary>Whether any request metadata exists, without creating it.</summary>
    internal bool HasRequestHeaders => _requestHeaders is { Count: > 0 };

    /// <summary>When the caller stops waiting; null for no deadline.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Cancelled when the caller goes away or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The remote address ("ipv4:127.0.0.1:5071"), or "in-process".</summary>
    public string Peer
    {
        get => _peer ??= _http is null ? "in-process" : RequestMetadata.Peer(_http);
        init => _peer = value;
    }

    /// <summary>
    /// The authenticated caller; null when nobody authenticated the call. On the server: the name of
    /// the request's authenticated user (authentication in the same host, as in the gateway), else
    /// the x-credir-caller header when it comes with the configured <see cref="GrpcServerOptions.CallerKey"/>.
    /// </summary>
    public string? Caller
    {
        get
        {
            if (!_callerKnown)
            {
                _caller = _http is null ? null : ServerCaller.Resolve(_http, _callerKey);
                _callerKnown = true;
            }

            return _caller;
        }

        set
        {
            _caller = value;
            _callerKnown = true;
        }
    }

    /// <summary>Headers sent before the first response message (server) or received (client).</summary>
    public Metadata ResponseHeaders
    {
        get => _responseHeaders ??= new Metadata();
        private init => _responseHeaders = value;
    }

    /// <summary>Trailers sent with the status (server) or received with it (client).</summary>
    public Metadata ResponseTrailers
    {
        get => _responseTrailers ??= new Metadata();
        private init => _responseTrailers = value;
    }

    /// <summary>Response headers set so far, or null: read without creating them.</summary>
    internal Metadata? ResponseHeadersIfAny => _responseHeaders;

    /// <summary>Response trailers set so far, or null: read without creating them.</summary>
    internal Metadata? ResponseTrailersIfAny => _responseTrailers;

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
