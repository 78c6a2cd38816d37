using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Grpc;

/// <summary>python3-grpcio (its own C core) calling credir.v1.Incidents through the gateway over h2c.</summary>
public sealed class PythonThroughGatewayTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task PythonClient_OpenGetWatch_ReachTheServiceAsTheTokenSubject()
    {
        var result = await Python.RunJsonAsync("gateway_calls.py", fixture.Gateway.HostPort, Tokens.For("pia", "responder"));

        var id = result.GetProperty("opened").GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("pia", result.GetProperty("opened").GetProperty("opened_by").GetString());
        Assert.Equal(id, result.GetProperty("got").GetProperty("id").GetString());
        Assert.NotEmpty(result.GetProperty("watch").GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task PythonClient_WatchWithDeadline_EndsWithDeadlineExceededAfterItsChanges()
    {
        var result = await Python.RunJsonAsync("gateway_calls.py", fixture.Gateway.HostPort, Tokens.For("pia", "responder"));

        var watch = result.GetProperty("watch");
        Assert.Equal("DEADLINE_EXCEEDED", watch.GetProperty("code").GetString());
        Assert.NotEmpty(watch.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task PythonClient_BackendError_ArrivesWithStatusAndMessage()
    {
        var result = await Python.RunJsonAsync("gateway_calls.py", fixture.Gateway.HostPort, Tokens.For("pia", "responder"));

        var missing = result.GetProperty("missing");
        Assert.True(missing.GetProperty("code").GetString() == "NOT_FOUND", missing.ToString());
        Assert.Contains("no-such-incident", missing.GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PythonClient_WithoutToken_IsUnauthenticated_ButHealthAnswers()
    {
        var result = await Python.RunJsonAsync("gateway_calls.py", fixture.Gateway.HostPort, Tokens.For("pia", "responder"));

        Assert.Equal("UNAUTHENTICATED", result.GetProperty("anonymous").GetProperty("code").GetString());
        Assert.Equal("SERVING", result.GetProperty("health").GetString());
    }
}
