using CredIr.Grpc.Tests.Echo;
using CredIr.Grpc.Tests.Support;
using Google.Protobuf;

namespace CredIr.Grpc.Tests.Client;

/// <summary>Our client (the contract proxy over GrpcChannel) against our server on real Kestrel.</summary>
public sealed class ChannelTests(EchoHost host) : IClassFixture<EchoHost>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Address);

    private IEchoService Client => _channel.CreateClient<IEchoService>();

    [Fact]
    public async Task Unary_ThroughTheContract_ReturnsTheReplyAndTheResponseMetadata()
    {
        var context = new CallContext(new Metadata().Add("x-request-id", "r-42").Add("x-trace-bin", [1, 2, 255]));

        var reply = await Client.SayAsync(new EchoRequest { Text = "hi" }, context);

        Assert.Equal("hi", reply.Text);
        Assert.Equal("r-42", reply.Headers["x-request-id"]);
        Assert.Equal(Convert.ToBase64String([1, 2, 255]), reply.Headers["x-trace-bin"]);
        Assert.Equal("hello", context.ResponseHeaders.GetValue("x-echo-initial"));
        Assert.Equal("bye", context.ResponseTrailers.GetValue("x-echo-trailer"));
        Assert.Equal([0xCA, 0xFE], context.ResponseTrailers.GetBytes("x-echo-bin"));
    }

    [Fact]
    public async Task SameContract_InProcessAndOverTheWire_GivesTheSameReply()
    {
        IEchoService[] contracts = [new EchoService(new EchoProbe()), Client];
        var request = new EchoRequest { Text = "same", Payload = ByteString.CopyFromUtf8("abc") };

        var inProcess = await contracts[0].SayAsync(request, CallContext.InProcess(CancellationToken.None));
        var remote = await contracts[1].SayAsync(request, new CallContext());

        Assert.Equal(inProcess.Text, remote.Text);
        Assert.Equal(inProcess.PayloadSize, remote.PayloadSize);
    }

    [Fact]
    public async Task ServerStreaming_ThroughTheContract_YieldsEveryMessageInOrder()
    {
        var replies = new List<string>();
        await foreach (var reply in Client.CountAsync(new EchoRequest { Text = "m", Count = 4 }, new CallContext()))
        {
            replies.Add(reply.Text);
        }

        Assert.Equal(["m0", "m1", "m2", "m3"], replies);
    }

    [Fact]
    public async Task ClientAndDuplexStreaming_ThroughTheContract_SendEveryRequest()
    {
        var collected = await Client.CollectAsync(Requests("a", "b", "c"), new CallContext());
        var chatted = new List<string>();
        await foreach (var reply in Client.ChatAsync(Requests("x", "y"), new CallContext()))
        {
            chatted.Add(reply.Text);
        }

        Assert.Equal("abc", collected.Text);
        Assert.Equal(["X", "Y"], chatted);
    }

    [Fact]
    public async Task Deadline_PassedWhileTheHandlerWaits_ThrowsDeadlineExceededAndCancelsTheHandler()
    {
        var context = new CallContext(deadline: DateTimeOffset.UtcNow.AddMilliseconds(300));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SayAsync(new EchoRequest { Hang = true }, context));

        Assert.Equal(StatusCode.DeadlineExceeded, error.Status);
        var cancelled = await Task.WhenAny(host.Probe.HangCancelled, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(cancelled == host.Probe.HangCancelled, "the handler's token was not cancelled within 10 s of the deadline");
    }

    [Fact]
    public async Task Deadline_FarInTheFuture_IsNoDeadline()
    {
        var reply = await Client.SayAsync(new EchoRequest { Text = "later" }, new CallContext(deadline: DateTimeOffset.MaxValue));

        Assert.Equal("later", reply.Text);
    }

    [Fact]
    public async Task Deadline_AlreadyPassed_ThrowsDeadlineExceededWithoutCalling()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SayAsync(new EchoRequest(), new CallContext(deadline: DateTimeOffset.UtcNow.AddSeconds(-1))));

        Assert.Equal(StatusCode.DeadlineExceeded, error.Status);
    }

    [Fact]
    public async Task Cancellation_ByTheCaller_ThrowsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var call = Client.SayAsync(new EchoRequest { Hang = true }, new CallContext(cancellationToken: cancellation.Token));

        await cancellation.CancelAsync();

        Assert.Equal(StatusCode.Cancelled, (await Assert.ThrowsAsync<RpcException>(() => call)).Status);
    }

    [Fact]
    public async Task ErrorStatus_FromTheHandler_ThrowsRpcExceptionWithMessageAndTrailers()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SayAsync(new EchoRequest { FailWith = (int)StatusCode.PermissionDenied }, new CallContext()));

        Assert.Equal(StatusCode.PermissionDenied, error.Status);
        Assert.Equal(EchoService.FailureMessage, error.Message);
        Assert.Equal("on-purpose", error.Trailers.GetValue("x-failure-reason"));
    }

    [Fact]
    public async Task UnhostedService_CalledThroughItsContract_ThrowsUnimplemented()
    {
        var unhosted = _channel.CreateClient<IUnhostedService>();

        var error = await Assert.ThrowsAsync<RpcException>(() => unhosted.PingAsync(new EchoRequest(), new CallContext()));

        Assert.Equal(StatusCode.Unimplemented, error.Status);
    }

    [Fact]
    public async Task GzipRequests_Enabled_AreSentCompressedAndDecompressedByTheServer()
    {
        using var recorder = new RecordingHandler();
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { HttpHandler = recorder, CompressRequests = true });
        var payload = ByteString.CopyFrom(new byte[200_000]);

        var reply = await channel.CreateClient<IEchoService>().SayAsync(new EchoRequest { Payload = payload }, new CallContext());

        Assert.Equal(200_000, reply.PayloadSize);
        Assert.Equal("gzip", recorder.LastHeaders["grpc-encoding"]);
        Assert.Equal(1, recorder.LastBody[0]);
        Assert.True(recorder.LastBody.Length < 10_000, $"the compressed body is {recorder.LastBody.Length} bytes");
    }

    [Fact]
    public async Task ResponseLargerThanTheClientLimit_ThrowsResourceExhausted()
    {
        using var channel = GrpcChannel.ForAddress(host.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateClient<IEchoService>().SayAsync(new EchoRequest { Text = new string('x', 100) }, new CallContext()));

        Assert.Equal(StatusCode.ResourceExhausted, error.Status);
    }

    [Fact]
    public async Task ReflectionV1_ThroughTheLowLevelDuplexCall_ListsTheMappedServices()
    {
        var requests = new[] { new Reflection.V1.ServerReflectionRequest { ListServices = "" } }.ToAsyncEnumerable();
        var names = new List<string>();

        await foreach (var response in _channel.DuplexStreamingAsync(
            "grpc.reflection.v1.ServerReflection/ServerReflectionInfo", requests, Reflection.V1.ServerReflectionResponse.Parser, new CallContext()))
        {
            names.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        Assert.Contains("credir.test.v1.Echo", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
    }

    [Fact]
    public async Task HealthWatch_ThroughThePublicContract_SeesAStatusChange()
    {
        // A host of its own: the status change must not leak into the other tests.
        var own = new EchoHost();
        await own.InitializeAsync();
        var seen = new List<ServingStatus>();
        try
        {
            using var channel = GrpcChannel.ForAddress(own.Address);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var request = new Health.V1.HealthCheckRequest { Service = "credir.test.v1.Echo" };
            await foreach (var update in channel.CreateClient<IHealthService>().WatchAsync(request, new CallContext(cancellationToken: stop.Token)))
            {
                seen.Add((ServingStatus)update.Status);
                if (seen.Count == 2)
                {
                    break;
                }

                own.Health.SetStatus("credir.test.v1.Echo", ServingStatus.NotServing);
            }
        }
        finally
        {
            await own.DisposeAsync();
        }

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing], seen);
    }

    public void Dispose() => _channel.Dispose();

    private static async IAsyncEnumerable<EchoRequest> Requests(params string[] texts)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return new EchoRequest { Text = text };
        }
    }
}
