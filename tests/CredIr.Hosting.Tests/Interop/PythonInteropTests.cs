using Grpc.Core;
using System.Text.Json;
using CredIr.Hosting.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CredIr.Hosting.Tests.Interop;

/// <summary>Our server, called by Debian's python3-grpcio (its own C core, its own HTTP/2).</summary>
public sealed class PythonInteropTests(PythonInteropFixture fixture) : IClassFixture<PythonInteropFixture>
{
    private JsonElement Result => fixture.Result;

    [Fact]
    public void Unary_FromGrpcio_ReturnsReplyWithOkStatus()
    {
        var unary = Result.GetProperty("unary");
        Assert.Equal("hello", unary.GetProperty("text").GetString());
        Assert.Equal("OK", unary.GetProperty("code").GetString());
    }

    [Fact]
    public void RequestMetadata_FromGrpcio_IsVisibleToTheHandler()
    {
        var headers = Result.GetProperty("unary").GetProperty("headers");
        Assert.Equal("req-1", headers.GetProperty("x-request-id").GetString());
        Assert.Equal("Bearer test-token", headers.GetProperty("authorization").GetString());
        Assert.Equal(Convert.ToBase64String([0x00, 0x01, 0xFE, 0xFF]), headers.GetProperty("x-trace-bin").GetString());
    }

    [Fact]
    public void ResponseMetadata_SetByTheHandler_ReachesGrpcioAsHeadersAndTrailers()
    {
        var unary = Result.GetProperty("unary");
        Assert.Equal("hello", unary.GetProperty("initial_metadata").GetProperty("x-echo-initial").GetString());
        var trailers = unary.GetProperty("trailing_metadata");
        Assert.Equal("bye", trailers.GetProperty("x-echo-trailer").GetString());
        Assert.Equal("cafe", trailers.GetProperty("x-echo-bin").GetString());
    }

    [Fact]
    public void ServerStreaming_FromGrpcio_DeliversEveryMessageInOrder()
    {
        var replies = Result.GetProperty("server_streaming").EnumerateArray()
            .Select(r => (r[0].GetInt32(), r[1].GetString())).ToArray();
        Assert.Equal([(0, "n0"), (1, "n1"), (2, "n2"), (3, "n3"), (4, "n4")], replies);
    }

    [Fact]
    public void ClientAndBidiStreaming_FromGrpcio_SeeEveryRequest()
    {
        Assert.Equal("abc", Result.GetProperty("client_streaming").GetString());
        Assert.Equal(["X", "Y", "Z"], Result.GetProperty("bidi").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void GzipRequest_FromGrpcio_IsDecompressed()
    {
        Assert.Equal(100_000, Result.GetProperty("gzip").GetProperty("ok").GetInt32());
    }

    [Fact]
    public void RpcException_InHandler_ReachesGrpcioWithStatusAndDecodedMessage()
    {
        var error = Result.GetProperty("status").GetProperty("error");
        Assert.Equal("FAILED_PRECONDITION", error.GetProperty("code").GetString());
        Assert.Equal(EchoService.FailureMessage, error.GetProperty("details").GetString());
    }

    [Fact]
    public void UnhandledException_InHandler_IsUnknownWithoutTheSecret()
    {
        var error = Result.GetProperty("crash").GetProperty("error");
        Assert.Equal("UNKNOWN", error.GetProperty("code").GetString());
        Assert.DoesNotContain(EchoService.Secret, error.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_FromGrpcioTimeout_IsExceededAndCancelsTheHandler()
    {
        Assert.Equal("DEADLINE_EXCEEDED", Result.GetProperty("deadline").GetProperty("error").GetProperty("code").GetString());
        var cancelled = await Task.WhenAny(fixture.Host.Probe.HangCancelled, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(cancelled == fixture.Host.Probe.HangCancelled, "the hanging handler's CancellationToken was not cancelled within 10 s of the deadline");
    }

    [Theory]
    [InlineData("unimplemented_service", "Service is unimplemented.")]
    [InlineData("unimplemented_method", "Method is unimplemented.")]
    public void UnknownServiceOrMethod_FromGrpcio_IsUnimplemented(string check, string details)
    {
        var error = Result.GetProperty(check).GetProperty("error");
        Assert.Equal("UNIMPLEMENTED", error.GetProperty("code").GetString());
        Assert.Equal(details, error.GetProperty("details").GetString());
    }

    [Fact]
    public void OversizedMessage_FromGrpcio_IsResourceExhaustedAndTheServerServesOn()
    {
        Assert.Equal("RESOURCE_EXHAUSTED", Result.GetProperty("oversized").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("still here", Result.GetProperty("after_oversized").GetProperty("ok").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("garbage_field")]
    public void GarbageBody_FromGrpcio_IsInvalidArgumentNamingTheMessageAndTheServerServesOn(string check)
    {
        // Grpc.AspNetCore parses the request before any interceptor runs, and alone answers such bytes UNKNOWN:
        // the host's binder makes it the caller's mistake it is.
        var error = Result.GetProperty(check).GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.StartsWith("the request body is not a valid EchoRequest", error.GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal("next", Result.GetProperty("after_garbage").GetProperty("ok").GetString());
    }

    [Fact]
    public async Task Cancellation_FromGrpcio_IsLoggedAtDebugAndNeverAsAnError()
    {
        Assert.Equal("FIRST", Result.GetProperty("cancelled").GetProperty("ok").GetString());
        var logged = await Task.WhenAny(fixture.Host.Logs.CallEnded, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(logged == fixture.Host.Logs.CallEnded, "the host did not log the cancelled Chat call within 10 s of python cancelling it");

        // The only error the host logs is the handler that crashed on purpose.
        Assert.All(fixture.Host.Logs.Entries.Where(e => e.Level >= LogLevel.Error), e => Assert.IsType<InvalidOperationException>(e.Exception));
        Assert.Contains(fixture.Host.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("Chat", StringComparison.Ordinal));
    }

    [Fact]
    public void HealthCheck_FromGrpcio_ReportsServingForTheHostAndMappedServices()
    {
        Assert.Equal("SERVING", Result.GetProperty("health").GetString());
        Assert.Equal("SERVING", Result.GetProperty("health_echo").GetString());
        Assert.Equal("SERVING", Result.GetProperty("health_watch_first").GetString());
        Assert.Equal("NOT_FOUND", Result.GetProperty("health_unknown").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Reflection_FromGrpcio_ListsServicesAndServesDescriptorsWithDependencies()
    {
        var reflection = Result.GetProperty("reflection");
        Assert.Equal(
            ["credir.test.v1.Echo", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            reflection.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["echo.proto", "google/protobuf/timestamp.proto"], reflection.GetProperty("echo_files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var echo = reflection.GetProperty("echo_files")[0];
        Assert.Equal("credir.test.v1", echo.GetProperty("package").GetString());
        Assert.Equal(["Echo", "Unhosted"], echo.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("grpc.health.v1", reflection.GetProperty("health_files")[0].GetProperty("package").GetString());
        Assert.Equal("credir.test.v1", reflection.GetProperty("echo_by_name")[0].GetProperty("package").GetString());
        Assert.Equal((int)StatusCode.NotFound, reflection.GetProperty("missing_error").GetInt32());
    }
}
