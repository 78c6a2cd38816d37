using System.Runtime.CompilerServices;
using System.Text;
using CredIr.Grpc.Tests.Echo;

namespace CredIr.Grpc.Tests.Support;

public sealed class EchoService(EchoProbe probe) : IEchoService
{
    /// <summary>What a crash puts in its exception message: it must never reach the wire.</summary>
    public const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /// <summary>The message of fail_with errors: non-ASCII and '%' test grpc-message's percent-encoding.</summary>
    public const string FailureMessage = "refusé: 100% sûr ✓";

    public async Task<EchoReply> SayAsync(EchoRequest request, CallContext context)
    {
        if (request.Crash)
        {
            throw new InvalidOperationException("secret access key " + Secret);
        }

        if (request.FailWith != 0)
        {
            throw new RpcException((StatusCode)request.FailWith, FailureMessage, new Metadata().Add("x-failure-reason", "on-purpose"));
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

        context.ResponseHeaders.Add("x-echo-initial", "hello");
        context.ResponseTrailers.Add("x-echo-trailer", "bye");
        context.ResponseTrailers.Add("x-echo-bin", [0xCA, 0xFE]);
        return Reply(request.Text, 0, request, context);
    }

    public async IAsyncEnumerable<EchoReply> CountAsync(EchoRequest request, CallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            yield return Reply($"{request.Text}{i}", i, request, context: null);
        }

        await Task.CompletedTask;
    }

    public async Task<EchoReply> CollectAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context)
    {
        var text = new StringBuilder();
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            text.Append(request.Text);
        }

        return new EchoReply { Text = text.ToString() };
    }

    public async IAsyncEnumerable<EchoReply> ChatAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context)
    {
        var index = 0;
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            yield return new EchoReply { Text = request.Text.ToUpperInvariant(), Index = index++ };
        }
    }

    private static EchoReply Reply(string text, int index, EchoRequest request, CallContext? context)
    {
        var reply = new EchoReply { Text = text, Index = index, PayloadSize = request.Payload.Length };
        if (context is not null)
        {
            reply.Caller = context.Caller ?? string.Empty;
            foreach (var entry in context.RequestHeaders)
            {
                reply.Headers[entry.Key] = entry.Value;
            }
        }

        return reply;
    }
}
