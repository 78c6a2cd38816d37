using Grpc.Core;

namespace CredIr.Hosting;

public static class StreamWriterExtensions
{
    /// <summary>Writes every message of <paramref name="messages"/> to the response stream as it comes.</summary>
    public static async Task WriteAllAsync<T>(this IServerStreamWriter<T> stream, IAsyncEnumerable<T> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(messages);
        await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }
}
