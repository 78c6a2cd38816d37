using Google.Protobuf;
using Grpc.Core;

namespace CredIr.Hosting;

public static class StreamWriterExtensions
{
    /// <summary>
    /// How many bytes a stream may hold back before it flushes even though more messages are ready: large enough to
    /// fill a few HTTP/2 DATA frames per flush, small enough that a reader sees progress while a long export runs.
    /// </summary>
    internal const int MaxUnflushedBytes = 64 * 1024;

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    /// <summary>
    /// Writes every message of <paramref name="messages"/> to the response stream. A message is flushed at once when
    /// the producer has nothing more ready (a watch, a scan waiting on AWS: the reader sees it without delay); while
    /// the next message is already there (an evidence export, a page of events) messages are coalesced and flushed
    /// every <see cref="MaxUnflushedBytes"/>, because one flush per message costs a syscall and a DATA frame each.
    /// </summary>
    public static async Task WriteAllAsync<T>(this IServerStreamWriter<T> stream, IAsyncEnumerable<T> messages, CancellationToken cancellationToken)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(messages);
        var enumerator = messages.GetAsyncEnumerator(cancellationToken);
        // default is a completed ValueTask: if the first MoveNextAsync throws, the finally disposes at once.
        ValueTask<bool> next = default;
        try
        {
            next = enumerator.MoveNextAsync();
            var unflushed = 0;
            while (await next.ConfigureAwait(false))
            {
                var message = enumerator.Current;
                unflushed += message.CalculateSize();

                // Ask for the next message before writing this one: if it is already there, this write need not flush.
                next = enumerator.MoveNextAsync();
                var flush = !next.IsCompleted || unflushed >= MaxUnflushedBytes;
                stream.WriteOptions = flush ? null : Buffered;
                await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
                if (flush)
                {
                    unflushed = 0;
                }
            }
        }
        finally
        {
            if (!next.IsCompleted)
            {
                // A write failed after the next message was asked for. An iterator cannot be disposed while a
                // MoveNextAsync is in flight, and a watch's may wait until the call's token ends it: dispose it
                // then, without holding the failed call open until it does.
                _ = DisposeWhenDoneAsync(next, enumerator);
            }
            else
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task DisposeWhenDoneAsync<T>(ValueTask<bool> pending, IAsyncEnumerator<T> enumerator)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The write's own failure is what the caller got; this one has no one to go to.
        }

        await enumerator.DisposeAsync().ConfigureAwait(false);
    }
}
