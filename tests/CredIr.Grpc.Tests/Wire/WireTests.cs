using CredIr.Grpc.Tests.Echo;
using CredIr.Grpc.Tests.Support;

namespace CredIr.Grpc.Tests.Wire;

/// <summary>What the server sends, byte for byte, for well- and ill-formed requests.</summary>
public sealed class WireTests(EchoHost host) : IClassFixture<EchoHost>, IDisposable
{
    private const string Say = "/credir.test.v1.Echo/Say";
    private readonly RawGrpcClient _client = new(host.Address);

    [Fact]
    public async Task Success_SendsHeadersThenTheFramedMessageThenStatusInTrailers()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(new EchoRequest { Text = "wire" }));

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.Equal(0, response.Body[0]);
        var length = (response.Body[1] << 24) | (response.Body[2] << 16) | (response.Body[3] << 8) | response.Body[4];
        Assert.Equal(response.Body.Length - 5, length);
        Assert.Equal("wire", EchoReply.Parser.ParseFrom(response.Body, 5, length).Text);
    }

    [Fact]
    public async Task ErrorBeforeAnyMessage_IsTrailersOnlyWithPercentEncodedMessage()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(new EchoRequest { FailWith = (int)StatusCode.NotFound }));

        Assert.Empty(response.Body);
        Assert.Equal("5", response.Headers["grpc-status"]);
        Assert.Equal("refus%C3%A9: 100%25 s%C3%BBr %E2%9C%93", response.Headers["grpc-message"]);
        Assert.Empty(response.Trailers);
    }

    [Fact]
    public async Task BadCompressedFlag_IsInternal()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(7, [0x0A, 0x01, 0x61]));

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task TruncatedFrame_IsInternalAndTheNextCallSucceeds()
    {
        var whole = RawGrpcClient.Frame(new EchoRequest { Text = "truncated" });

        var truncated = await _client.SendAsync(Say, whole[..^3]);
        var next = await _client.SendAsync(Say, whole);

        Assert.Equal("13", truncated.GrpcStatus);
        Assert.Equal("Incomplete message.", truncated.Headers["grpc-message"]);
        Assert.Equal("0", next.GrpcStatus);
    }

    [Fact]
    public async Task CompressedFlagWithoutEncoding_IsInternal()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(1, [0x0A, 0x01, 0x61]));

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task UnsupportedEncoding_IsUnimplementedAndAdvertisesAcceptedEncodings()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(1, [1, 2, 3]), headers: ("grpc-encoding", "snappy"));

        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task GrpcTimeout_ShorterThanTheHandler_AnswersDeadlineExceeded()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(new EchoRequest { Hang = true }), headers: ("grpc-timeout", "200m"));

        Assert.Equal("4", response.GrpcStatus);
    }

    [Fact]
    public async Task GrpcTimeout_LongerThanTimersCanCount_IsNoDeadline()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(new EchoRequest { Text = "patient" }), headers: ("grpc-timeout", "99999999H"));

        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var response = await _client.SendAsync(Say, RawGrpcClient.Frame(new EchoRequest()), contentType: "application/json");

        Assert.Equal(415, response.HttpStatus);
    }

    [Fact]
    public async Task GetOnAMethod_Is405()
    {
        var response = await _client.SendAsync(Say, [], method: HttpMethod.Get);

        Assert.Equal(405, response.HttpStatus);
    }

    [Fact]
    public async Task NonGrpcPostToAnUnknownPath_Is404NotUnimplemented()
    {
        var response = await _client.SendAsync("/some/path", [1], contentType: "application/json");

        Assert.Equal(404, response.HttpStatus);
        Assert.Null(response.GrpcStatus);
    }

    public void Dispose() => _client.Dispose();
}
