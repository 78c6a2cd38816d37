using Grpc.Core;

namespace CredIr.Hosting.InProcess;

/// <summary>
/// The server side of an in-process call. The caller is the x-credir-caller the calling code put in
/// its headers: in the same process there is no one else to vouch for it.
/// </summary>
internal sealed class InProcessServerCallContext : ServerCallContext
{
    private readonly string _method;
    private readonly Metadata _requestHeaders;
    private readonly DateTime _deadline;
    private readonly CancellationToken _cancellationToken;
    private readonly Metadata _responseTrailers = [];
    private readonly Dictionary<object, object> _userState = [];
    private Status _status;

    public InProcessServerCallContext(string method, Metadata requestHeaders, DateTime deadline, CancellationToken cancellationToken)
    {
        _method = method;
        _requestHeaders = requestHeaders;
        _deadline = deadline;
        _cancellationToken = cancellationToken;
        if (requestHeaders.GetValue(CallerHeaders.Caller) is { Length: > 0 } caller)
        {
            _userState[ServerCallContextExtensions.CallerKey] = caller;
        }
    }

    protected override string MethodCore => _method;

    protected override string HostCore => "in-process";

    protected override string PeerCore => "in-process";

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Context propagation is not supported in-process: pass the deadline and token explicitly.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
