using System.Threading.Channels;
using Grpc.Core;

namespace CredIr.Hosting.InProcess;

/// <summary>
/// The messages of an in-process server stream, handed from the handler to the caller one at a time
/// (a bounded channel of one: the handler runs at the caller's pace, as HTTP/2 flow control makes it).
/// </summary>
internal sealed class InProcessResponseStream<T>(CancellationToken callToken) : IServerStreamWriter<T>, IAsyncStreamReader<T>
    where T : class
{
    private readonly Channel<T> _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    private T? _current;

    public WriteOptions? WriteOptions { get; set; }

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public Task WriteAsync(T message) => _channel.Writer.WriteAsync(message, callToken).AsTask();

    public Task WriteAsync(T message, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(message, cancellationToken).AsTask();

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _channel.Reader.TryRead(out var next))
        {
            _current = next;
            return true;
        }

        return false;
    }

    /// <summary>Ends the stream when the handler ends: normally, or with its status as the reader's exception.</summary>
    public void CompleteWith(Task<bool> handler) =>
        handler.ContinueWith(
            static (t, s) => ((Channel<T>)s!).Writer.TryComplete(t.Exception?.InnerException),
            _channel,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
