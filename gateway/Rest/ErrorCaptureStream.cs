namespace CredIr.Gateway.Rest;

/// <summary>
/// The response body of a REST call: passed through as written (SSE flushes included), except a JSON
/// error (status 400 or above), which is held so that <see cref="RestEdgeMiddleware"/> can reshape it.
/// </summary>
internal sealed class ErrorCaptureStream(HttpResponse response, Stream inner) : Stream
{
    // Error bodies are a status and a message; anything longer is passed through rather than held.
    private const int MaxCaptured = 64 * 1024;
    private bool? _capturing;

    public MemoryStream? Captured { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
        if (_capturing != true)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _capturing == true ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _capturing ??= response.StatusCode >= StatusCodes.Status400BadRequest
            && response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        if (_capturing == true)
        {
            Captured ??= new MemoryStream();
            if (Captured.Length + buffer.Length <= MaxCaptured)
            {
                Captured.Write(buffer.Span);
                return;
            }

            // Too long for an error: let it through whole.
            _capturing = false;
            var held = Captured;
            Captured = null;
            await inner.WriteAsync(held.GetBuffer().AsMemory(0, (int)held.Length), cancellationToken).ConfigureAwait(false);
        }

        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
