namespace CredIr.Aws.Tests.Support;

/// <summary>Counts the HTTP requests that really leave the client (each retry is one).</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _count;
    private TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes when a request is sent after the last <see cref="Reset"/>.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        _firstRequest.TrySetResult();
        return base.SendAsync(request, cancellationToken);
    }
}
