using System.Runtime.CompilerServices;
using CredIr.Contracts.Services;
using CredIr.Grpc;

namespace CredIr.Cli.Client;

/// <summary>
/// The Incidents service as the commands use it: over gRPC at a server, or in this process (the
/// demo, <c>respond</c> without --server). Every call carries who the CLI acts as, and a failure
/// comes out as one <see cref="CliException"/> line.
/// </summary>
internal sealed class IncidentsClient : IDisposable
{
    private readonly GrpcChannel? _channel;
    private readonly Uri? _server;

    private IncidentsClient(IIncidentsService service, GrpcChannel? channel, Uri? server, string caller)
    {
        Service = service;
        _channel = channel;
        _server = server;
        Caller = caller;
    }

    public IIncidentsService Service { get; }

    public string Caller { get; }

    /// <summary>The server's URL, or "in-process".</summary>
    public string Where => _server?.ToString() ?? "in-process";

    public static IncidentsClient Connect(Uri server)
    {
        var channel = GrpcChannel.ForAddress(server);
        return new IncidentsClient(channel.CreateClient<IIncidentsService>(), channel, server, CallerIdentity.Current);
    }

    public static IncidentsClient InProcess(IIncidentsService service, string caller) => new(service, null, null, caller);

    public CallContext Context(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return CallContext.InProcess(cancellationToken, Caller);
        }

        var headers = new Metadata().Add(CallerIdentity.Header, Caller);
        if (Environment.GetEnvironmentVariable("CREDIR_TOKEN") is { Length: > 0 } token)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        return new CallContext(headers, cancellationToken: cancellationToken);
    }

    public async Task<T> CallAsync<T>(Func<IIncidentsService, CallContext, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(Service, Context(cancellationToken));
        }
        catch (RpcException error)
        {
            throw Translate(error, cancellationToken);
        }
    }

    public async IAsyncEnumerable<T> StreamAsync<T>(Func<IIncidentsService, CallContext, IAsyncEnumerable<T>> call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var e = call(Service, Context(cancellationToken)).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RpcException error)
            {
                throw Translate(error, cancellationToken);
            }

            yield return e.Current;
        }
    }

    public CliException Translate(RpcException error) => RpcErrors.ToCli(error, Where);

    // A call this process cancelled ends as CANCELLED from the channel: that is a cancellation, not an error to print.
    private Exception Translate(RpcException error, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? new OperationCanceledException(error.Message, error, cancellationToken) : Translate(error);

    public void Dispose() => _channel?.Dispose();
}
