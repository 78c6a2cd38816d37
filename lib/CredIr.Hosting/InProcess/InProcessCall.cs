using Grpc.Core;

namespace CredIr.Hosting.InProcess;

/// <summary>One in-process call: its server context, its deadline and cancellation, its final status.</summary>
internal sealed class InProcessCall : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly DateTime? _deadline;
    private readonly CancellationToken _callerToken;
    private Status _status;

    public InProcessCall(string method, CallOptions options, TimeProvider time)
    {
        _callerToken = options.CancellationToken;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            _deadline = deadline;
            var remaining = deadline.ToUniversalTime() - time.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                _cancel.Cancel();
            }
            else
            {
                // The deadline is measured on the host's clock, so that a test moving a fake clock moves it too.
                var timer = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), _cancel, remaining, Timeout.InfiniteTimeSpan);
                _cancel.Token.Register(static t => ((ITimer)t!).Dispose(), timer);
            }
        }

        Context = new InProcessServerCallContext(method, options.Headers ?? [], _deadline ?? DateTime.MaxValue, _cancel.Token);
    }

    public InProcessServerCallContext Context { get; }

    public Status GetStatus() => _status;

    public Metadata GetTrailers() => Context.ResponseTrailers;

    public async Task<T> RunAsync<T>(Func<Task<T>> handler, RpcErrorMap[] maps)
    {
        try
        {
            // Run the handler off the caller's stack, as a server would: a handler that blocks must not block the caller's await.
            var result = await Task.Run(handler, _cancel.Token).ConfigureAwait(false);
            _status = Status.DefaultSuccess;
            return result;
        }
        catch (Exception exception)
        {
            var rpc = Translate(exception, maps);
            _status = rpc.Status;
            throw rpc;
        }
    }

    public void Dispose() => _cancel.Cancel();

    private RpcException Translate(Exception exception, RpcErrorMap[] maps)
    {
        if (_cancel.IsCancellationRequested && exception is OperationCanceledException)
        {
            var expired = _deadline is not null && !_callerToken.IsCancellationRequested;
            return new RpcException(expired ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded") : new Status(StatusCode.Cancelled, "Call canceled by the client."));
        }

        return exception as RpcException
            ?? RpcErrorMap.Apply(maps, Context.Method, exception)
            ?? new RpcException(new Status(StatusCode.Unknown, "Exception was thrown by handler."));
    }
}
