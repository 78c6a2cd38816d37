using System.Runtime.CompilerServices;
using System.Text;
using CredIr.Hosting.Tests.Echo;
using Grpc.Core;

namespace CredIr.Hosting.Tests.Support;

/// <summary>credir.test.v1.Echo on Grpc.AspNetCore, hosted as every CredIr service is (AddCredIrGrpcHost).</summary>
public sealed class EchoService(EchoProbe probe) : Echo.Echo.EchoBase
{
    /// <summary>What a crash puts in its exception message: it must never reach the wire.</summary>
    public const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>The message of fail_with errors: non-ASCII and '%' test grpc-message's percent-encoding.</summary>
    public const string FailureMessage = "refusé: 100% sûr ✓";

    public override async Task<EchoReply> Say(EchoRequest request, ServerCallContext context)
    {
        if (request.Crash)
        {
            throw new InvalidOperationException("secret access key " + Secret);
        }

        if (request.FailWith != 0)
        {
            throw new RpcException(new Status((StatusCode)request.FailWith, FailureMessage), new Metadata { { "x-failure-reason", "on-purpose" } });
        }

        if (request.Hang)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            }
            finally
            {
                probe.OnHangCancelled();
            }
        }

        await context.WriteResponseHeadersAsync(new Metadata { { "x-echo-initial", "hello" } });
        context.ResponseTrailers.Add("x-echo-trailer", "bye");
        context.ResponseTrailers.Add("x-echo-bin", [0xCA, 0xFE]);
        return Reply(request.Text, 0, request, context);
    }

    // Written as the product's services write their streams.
    public override Task Count(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(Replies(request, context.CancellationToken), context.CancellationToken);

    private async IAsyncEnumerable<EchoReply> Replies(EchoRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < request.Count; i++)
        {
            if (request.HoldAfter != 0 && i == request.HoldAfter)
            {
                await probe.Gate.WaitAsync(cancellationToken);
            }

            yield return Reply($"{request.Text}{i}", i, request, context: null);
        }
    }

    public override async Task<EchoReply> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var text = new StringBuilder();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            text.Append(request.Text);
        }

        return new EchoReply { Text = text.ToString() };
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text.ToUpperInvariant(), Index = index++ }, context.CancellationToken);
        }
    }

    private static EchoReply Reply(string text, int index, EchoRequest request, ServerCallContext? context)
    {
        var reply = new EchoReply { Text = text, Index = index, PayloadSize = request.Payload.Length };
        if (context is not null)
        {
            reply.Caller = context.Caller() ?? string.Empty;
            foreach (var entry in context.RequestHeaders)
            {
                reply.Headers[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
            }
        }

        return reply;
    }
}
