using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CredIr.Grpc.Internal.Client;
using Google.Protobuf;

namespace CredIr.Grpc;

/// <summary>
/// A long-lived, thread-safe connection to one gRPC server over one HTTP/2 handler: h2c with prior
/// knowledge for http://, ALPN for https://. Create one per server and share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler ?? CreateDefaultHandler();
        Invoker = new HttpMessageInvoker(handler, disposeHandler: options.HttpHandler is null || options.DisposeHttpHandler);
    }

    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null) =>
        new(address, options ?? new GrpcChannelOptions());

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address), options);

    /// <summary>
    /// A client for the contract <typeparamref name="TContract"/> (an interface marked
    /// [GrpcService]): each method call is a gRPC call on this channel.
    /// </summary>
    public TContract CreateClient<TContract>()
        where TContract : class => ContractClientProxy.Create<TContract>(this);

    /// <summary>A unary call to <paramref name="method"/> ("package.Service/Method").</summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser, CallContext context)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(context);
        ClientCall<TResponse> call;
        try
        {
            call = new ClientCall<TResponse>(this, method, context, parser);
        }
        catch (RpcException e)
        {
            // An expired deadline fails the returned task, as any other call failure does.
            return Task.FromException<TResponse>(e);
        }

        return call.UnaryAsync(new GrpcContent(request, Options.CompressRequests, MaxSend));
    }

    /// <summary>A server-streaming call: the responses as they arrive.</summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        string method, TRequest request, MessageParser<TResponse> parser, CallContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var linked = Link(context, cancellationToken, out var callContext);
        using var call = new ClientCall<TResponse>(this, method, callContext, parser);
        await call.StartAsync(new GrpcContent(request, Options.CompressRequests, MaxSend)).ConfigureAwait(false);
        while (await call.ReadNextAsync().ConfigureAwait(false) is { } response)
        {
            yield return response;
        }
    }

    /// <summary>A client-streaming call: sends every request, then returns the one response.</summary>
    public Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(string method, IAsyncEnumerable<TRequest> requests, MessageParser<TResponse> parser, CallContext context)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(context);
        ClientCall<TResponse> call;
        try
        {
            call = new ClientCall<TResponse>(this, method, context, parser);
        }
        catch (RpcException e)
        {
            return Task.FromException<TResponse>(e);
        }

        return call.UnaryAsync(new StreamingContent<TRequest>(requests, Options.CompressRequests, MaxSend, call.Token));
    }

    /// <summary>A bidirectional call: requests are sent while responses are read.</summary>
    public async IAsyncEnumerable<TResponse> DuplexStreamingAsync<TRequest, TResponse>(
        string method, IAsyncEnumerable<TRequest> requests, MessageParser<TResponse> parser, CallContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        using var linked = Link(context, cancellationToken, out var callContext);
        using var call = new ClientCall<TResponse>(this, method, callContext, parser);
        await call.StartAsync(new StreamingContent<TRequest>(requests, Options.CompressRequests, MaxSend, call.Token)).ConfigureAwait(false);
        while (await call.ReadNextAsync().ConfigureAwait(false) is { } response)
        {
            yield return response;
        }
    }

    public void Dispose() => Invoker.Dispose();

    internal Uri MethodUri(string method) =>
        _methodUris.GetOrAdd(method, static (m, address) => new Uri(address, m.StartsWith('/') ? m : "/" + m), Address);

    private int MaxSend => Options.MaxSendMessageSize ?? int.MaxValue;

    /// <summary>An enumerator's own token (WithCancellation) also cancels the call.</summary>
    private static CancellationTokenSource? Link(CallContext context, CancellationToken enumeratorToken, out CallContext callContext)
    {
        callContext = context;
        if (!enumeratorToken.CanBeCanceled || enumeratorToken == context.CancellationToken)
        {
            return null;
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, enumeratorToken);
        callContext = context.WithCancellationToken(linked.Token);
        return linked;
    }

    private static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        UseCookies = false,
        // Services talk to each other directly; an environment proxy must not capture h2c traffic.
        UseProxy = false,
    };
}
