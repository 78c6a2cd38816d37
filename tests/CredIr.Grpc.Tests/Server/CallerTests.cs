using CredIr.Grpc.Tests.Echo;
using CredIr.Grpc.Tests.Support;

namespace CredIr.Grpc.Tests.Server;

/// <summary>CallContext.Caller on the server: the caller a front vouches for with the shared key, nobody else's.</summary>
public sealed class CallerTests(EchoHost host) : IClassFixture<EchoHost>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Address);

    private Task<EchoReply> SayWith(Metadata headers) =>
        _channel.CreateClient<IEchoService>().SayAsync(new EchoRequest { Text = "who" }, new CallContext(headers));

    [Fact]
    public async Task CallerHeader_WithTheSharedKey_IsTheCallContextCaller()
    {
        var reply = await SayWith(new Metadata().Add(CallerHeaders.Caller, "rita").Add(CallerHeaders.Key, EchoHost.CallerKey));

        Assert.Equal("rita", reply.Caller);
    }

    [Fact]
    public async Task CallerHeader_WithAWrongKey_LeavesNoCaller()
    {
        var reply = await SayWith(new Metadata().Add(CallerHeaders.Caller, "mallory").Add(CallerHeaders.Key, EchoHost.CallerKey + "x"));

        Assert.Equal(string.Empty, reply.Caller);
    }

    [Fact]
    public async Task CallerHeader_WithoutAKey_LeavesNoCaller()
    {
        var reply = await SayWith(new Metadata().Add(CallerHeaders.Caller, "mallory"));

        Assert.Equal(string.Empty, reply.Caller);
    }

    public void Dispose() => _channel.Dispose();
}
