using CredIr.Hosting;
using System.Runtime.CompilerServices;
using CredIr.Contracts.Calls;
using Grpc.Core;
using Grpc.Net.Client;
using IncidentsApi = CredIr.Contracts.V1.Incidents;

namespace CredIr.Cli.Client;

/// <summary>
/// The Incidents service as the commands use it, through its generated client: over gRPC at a server, or in
/// this process (the demo, <c>respond</c> without --server). Every call carries who the CLI acts as and a
/// deadline, and a failure comes out as one <see cref="CliException"/> line.
/// </summary>
internal sealed class IncidentsClient : IDisposable
{
    // Advance runs the playbook up to the next approval (a scan included); a watch follows an incident until stopped.
    private static readonly TimeSpan UnaryTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromHours(24);

    private readonly GrpcChannel? _channel;
    private readonly Uri? _server;

    private IncidentsClient(IncidentsApi.IncidentsClient service, GrpcChannel? channel, Uri? server, string caller)
    {
        Service = service;
        _channel = channel;
        _server = server;
        Caller = caller;
    }

    public IncidentsApi.IncidentsClient Service { get; }

    public string Caller { get; }

    /// <summary>The server's URL, or "in-process".</summary>
    public string Where => _server?.ToString() ?? "in-process";

    public static IncidentsClient Connect(Uri server)
    {
        var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions
        {
            // The CLI talks to a CredIr server directly; an environment proxy must not capture h2c traffic.
            HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true },
            // The servers' default limits, so that what a server may send the CLI accepts (docs/cli.md).
            MaxReceiveMessageSize = CredIrGrpcOptions.DefaultMessageLimit,
            MaxSendMessageSize = CredIrGrpcOptions.DefaultMessageLimit,
        });
        return new IncidentsClient(new IncidentsApi.IncidentsClient(channel), channel, server, CallerIdentity.Current);
    }

    public static IncidentsClient InProcess(IncidentsApi.IncidentsClient service, string caller) => new(service, null, null, caller);

    public CallOptions Context(CancellationToken cancellationToken, bool stream = false)
    {
        var headers = new Metadata { { CallerIdentity.Header, Caller } };
        if (_server is not null && Environment.GetEnvironmentVariable("CREDIR_TOKEN") is { Length: > 0 } token)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        return new CallOptions(headers, Deadlines.After(stream ? StreamTimeout : UnaryTimeout), cancellationToken);
    }

    public async Task<T> CallAsync<T>(Func<IncidentsApi.IncidentsClient, CallOptions, AsyncUnaryCall<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            using var pending = call(Service, Context(cancellationToken));
            return await pending;
        }
        catch (RpcException error)
        {
            throw Translate(error, cancellationToken);
        }
    }

    public async IAsyncEnumerable<T> StreamAsync<T>(Func<IncidentsApi.IncidentsClient, CallOptions, AsyncServerStreamingCall<T>> call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var e = call(Service, Context(cancellationToken, stream: true)).Responses(cancellationToken).GetAsyncEnumerator(cancellationToken);
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
        cancellationToken.IsCancellationRequested ? new OperationCanceledException(error.Status.Detail, error, cancellationToken) : Translate(error);

    public void Dispose() => _channel?.Dispose();
}
