using CredIr.Hosting.Validation;
using Google.Protobuf;
using Grpc.Core;

namespace CredIr.Hosting.InProcess;

/// <summary>
/// Calls a service implementation in this process through its generated client, without HTTP: the
/// same generated types as over the wire, the same deadlines, cancellation, caller and error statuses
/// (the service's <see cref="RpcErrorMap"/>s apply; anything else is UNKNOWN). Messages are passed as
/// objects, not serialized. Unary and server-streaming methods (all credir.v1 has) are supported.
/// </summary>
public sealed class InProcessCallInvoker : CallInvoker
{
    private readonly Dictionary<string, Delegate> _handlers;
    private readonly RpcErrorMap[] _maps;
    private readonly TimeProvider _time;
    private readonly bool _checkRequests;

    private InProcessCallInvoker(Dictionary<string, Delegate> handlers, IEnumerable<RpcErrorMap> maps, TimeProvider time, bool checkRequests)
    {
        _handlers = handlers;
        _maps = maps.ToArray();
        _time = time;
        _checkRequests = checkRequests;
    }

    /// <summary>
    /// An invoker for <paramref name="service"/>, bound with the generated <c>BindService(ServiceBinderBase, XBase)</c>
    /// (pass <c>Containment.BindService</c>).
    /// </summary>
    public static InProcessCallInvoker Create<TService>(TService service, Action<ServiceBinderBase, TService> bind, IEnumerable<RpcErrorMap>? maps = null, TimeProvider? time = null, bool checkRequests = false)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(bind);
        var binder = new HandlerBinder();
        bind(binder, service);
        return new InProcessCallInvoker(binder.Handlers, maps ?? [], time ?? TimeProvider.System, checkRequests);
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var handler = Handler<UnaryServerMethod<TRequest, TResponse>>(method);
        var call = new InProcessCall(method.FullName, options, _time);
        var response = call.RunAsync(() =>
        {
            Check(request);
            return handler(request, call.Context);
        }, _maps);
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var handler = Handler<ServerStreamingServerMethod<TRequest, TResponse>>(method);
        var call = new InProcessCall(method.FullName, options, _time);
        var stream = new InProcessResponseStream<TResponse>(call.Context.CancellationToken);
        var run = call.RunAsync(async () =>
        {
            Check(request);
            await handler(request, stream, call.Context).ConfigureAwait(false);
            return true;
        }, _maps);
        stream.CompleteWith(run);
        return new AsyncServerStreamingCall<TResponse>(stream, Task.FromResult(new Metadata()), call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, $"{method.FullName}: client streaming is not supported in-process."));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, $"{method.FullName}: duplex streaming is not supported in-process."));

    private void Check<TRequest>(TRequest request)
    {
        if (_checkRequests && request is IMessage message)
        {
            RequestShape.Check(message);
        }
    }

    private THandler Handler<THandler>(IMethod method)
        where THandler : Delegate =>
        _handlers.TryGetValue(method.FullName, out var handler) && handler is THandler typed
            ? typed
            : throw new RpcException(new Status(StatusCode.Unimplemented, $"Method {method.FullName} is unimplemented."));

    private sealed class HandlerBinder : ServiceBinderBase
    {
        public Dictionary<string, Delegate> Handlers { get; } = new(StringComparer.Ordinal);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) => Add(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) => Add(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) => Add(method, handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) => Add(method, handler);

        private void Add(IMethod method, Delegate? handler)
        {
            if (handler is not null)
            {
                Handlers[method.FullName] = handler;
            }
        }
    }
}
