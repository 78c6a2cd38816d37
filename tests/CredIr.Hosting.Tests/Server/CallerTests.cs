using CredIr.Hosting.Tests.Echo;
using CredIr.Hosting.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace CredIr.Hosting.Tests.Server;

/// <summary>The caller interceptor: the caller a front vouches for with the shared key, nobody else's.</summary>
public sealed class CallerTests(EchoHost host) : IClassFixture<EchoHost>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Address);

    private async Task<EchoReply> SayWith(Metadata headers) =>
        await new Echo.Echo.EchoClient(_channel).SayAsync(new EchoRequest { Text = "who" }, headers, DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public async Task CallerHeader_WithTheSharedKey_IsTheHandlersCaller()
    {
        var reply = await SayWith(new Metadata { { CallerHeaders.Caller, "rita" }, { CallerHeaders.Key, EchoHost.CallerKey } });

        Assert.Equal("rita", reply.Caller);
    }

    [Fact]
    public async Task CallerHeader_WithAWrongKey_LeavesNoCaller()
    {
        var reply = await SayWith(new Metadata { { CallerHeaders.Caller, "mallory" }, { CallerHeaders.Key, EchoHost.CallerKey + "x" } });

        Assert.Equal(string.Empty, reply.Caller);
    }

    [Fact]
    public async Task CallerHeader_WithoutAKey_LeavesNoCaller()
    {
        var reply = await SayWith(new Metadata { { CallerHeaders.Caller, "mallory" } });

        Assert.Equal(string.Empty, reply.Caller);
    }

    public void Dispose() => _channel.Dispose();
}
