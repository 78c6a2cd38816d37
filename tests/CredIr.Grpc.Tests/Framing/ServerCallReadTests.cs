using System.IO.Pipelines;
using CredIr.Grpc.Internal.Server;
using CredIr.Grpc.Tests.Echo;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Grpc.Tests.Framing;

/// <summary>The server's frame reader over a real pipe whose bytes arrive in several reads.</summary>
public sealed class ServerCallReadTests
{
    [Fact]
    public async Task ReadAll_FramesArrivingByteByByte_YieldsEveryMessage()
    {
        var pipe = new Pipe();
        using var call = CreateCall(pipe.Reader);
        var bytes = Frames(new EchoRequest { Text = "first" }, new EchoRequest { Text = "second" });

        var reading = ReadAllAsync(call);
        foreach (var b in bytes)
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }

        await pipe.Writer.CompleteAsync();

        Assert.Equal(["first", "second"], await reading);
    }

    [Fact]
    public async Task ReadSingle_BodyEndingMidFrame_IsInternal()
    {
        var pipe = new Pipe();
        using var call = CreateCall(pipe.Reader);
        var frame = Frames(new EchoRequest { Text = "cut" });
        await pipe.Writer.WriteAsync(frame.AsMemory(0, frame.Length - 2));
        await pipe.Writer.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ReadSingleAsync(EchoRequest.Parser, "credir.test.v1.EchoRequest").AsTask());

        Assert.Equal(StatusCode.Internal, error.Status);
    }

    private static async Task<List<string>> ReadAllAsync(ServerCall call)
    {
        var texts = new List<string>();
        await foreach (var message in call.ReadAllAsync(EchoRequest.Parser, "credir.test.v1.EchoRequest"))
        {
            texts.Add(message.Text);
        }

        return texts;
    }

    private static byte[] Frames(params EchoRequest[] messages) =>
        messages.SelectMany(m => Wire.RawGrpcClient.Frame(0, m.ToByteArray())).ToArray();

    private static ServerCall CreateCall(PipeReader body)
    {
        var http = new DefaultHttpContext();
        http.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(body));
        var services = new ServerCallServices(Options.Create(new GrpcServerOptions()), NullLoggerFactory.Instance, TimeProvider.System, new GrpcServiceRegistry());
        var call = new ServerCall(http, services, "credir.test.v1.Echo/Chat");
        call.Start();
        return call;
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }
}
