using CredIr.Contracts.Calls;
using CredIr.Hosting.InProcess;
using CredIr.Hosting.Tests.Echo;
using CredIr.Hosting.Tests.Support;
using Grpc.Core;

namespace CredIr.Hosting.Tests.InProcess;

/// <summary>A service called in-process through its generated client: the statuses, deadlines and caller a remote call has.</summary>
public sealed class InProcessCallInvokerTests
{
    private readonly EchoProbe _probe = new();

    private Echo.Echo.EchoClient Client(params RpcErrorMap[] maps) =>
        new(InProcessCallInvoker.Create<Echo.Echo.EchoBase>(new EchoService(_probe), Echo.Echo.BindService, maps));

    [Fact]
    public async Task Unary_WithCallerHeader_ReachesTheHandlerWithThatCaller()
    {
        var reply = await Client().SayAsync(new EchoRequest { Text = "hi" }, new Metadata { { CallerHeaders.Caller, "rita" } }, Deadlines.After(TimeSpan.FromSeconds(30)));

        Assert.Equal(("hi", "rita"), (reply.Text, reply.Caller));
    }

    [Fact]
    public async Task ServerStreaming_DeliversEveryMessageInOrder()
    {
        var replies = new List<string>();
        await foreach (var reply in Client().Count(new EchoRequest { Text = "n", Count = 4 }, deadline: Deadlines.After(TimeSpan.FromSeconds(30))).Responses())
        {
            replies.Add(reply.Text);
        }

        Assert.Equal(["n0", "n1", "n2", "n3"], replies);
    }

    [Fact]
    public async Task PassedDeadline_IsDeadlineExceededAndCancelsTheHandler()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client().SayAsync(new EchoRequest { Hang = true }, deadline: Deadlines.After(TimeSpan.FromMilliseconds(200))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var cancelled = await Task.WhenAny(_probe.HangCancelled, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(cancelled == _probe.HangCancelled, "the hanging handler's token was not cancelled within 10 s of the deadline");
    }

    [Fact]
    public async Task CallerCancelling_IsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var call = Client().SayAsync(new EchoRequest { Hang = true }, deadline: Deadlines.After(TimeSpan.FromMinutes(1)), cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task RpcException_InHandler_KeepsItsStatusAndMessage()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client().SayAsync(new EchoRequest { FailWith = (int)StatusCode.FailedPrecondition }, deadline: Deadlines.After(TimeSpan.FromSeconds(30))).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, EchoService.FailureMessage), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task UnmappedException_IsUnknownWithoutTheSecret()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client().SayAsync(new EchoRequest { Crash = true }, deadline: Deadlines.After(TimeSpan.FromSeconds(30))).ResponseAsync);

        Assert.Equal((StatusCode.Unknown, "Exception was thrown by handler."), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task MappedException_OfThisService_GetsTheStatusItsMapGives()
    {
        var map = new RpcErrorMap("credir.test.v1.Echo", static e => e is InvalidOperationException ? new RpcException(new Status(StatusCode.FailedPrecondition, "fix the input")) : null);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client(map).SayAsync(new EchoRequest { Crash = true }, deadline: Deadlines.After(TimeSpan.FromSeconds(30))).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "fix the input"), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task AnotherServicesMap_DoesNotApply()
    {
        var map = new RpcErrorMap("credir.v1.Other", static _ => new RpcException(new Status(StatusCode.FailedPrecondition, "not mine")));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client(map).SayAsync(new EchoRequest { Crash = true }, deadline: Deadlines.After(TimeSpan.FromSeconds(30))).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
    }
}
