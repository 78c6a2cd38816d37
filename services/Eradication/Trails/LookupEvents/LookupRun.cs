using System.Threading.Channels;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// The page chains of one query: started as they appear (first segments, then splits), each on its own task,
/// at most a fixed number at once. Ends when the last chain ends; the first unexpected error ends it too.
/// </summary>
internal sealed class LookupRun(TrailQuery query, ChannelWriter<TrailItem> writer, Progress progress, int maxConcurrentChains, CancellationToken cancellationToken) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrentChains));
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // One for the starter itself, so the run cannot end while the first chains are still being started.
    private int _outstanding = 1;

    public TrailQuery Query { get; } = query;

    public ChannelWriter<TrailItem> Writer { get; } = writer;

    public Progress Progress { get; } = progress;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void Start(LookupChain chain, Func<LookupChain, LookupRun, Task> page)
    {
        chain.Lane.Enter();
        Interlocked.Increment(ref _outstanding);
        _ = Task.Run(async () =>
        {
            try
            {
                await _slots.WaitAsync(CancellationToken);
                try
                {
                    await page(chain, this);
                }
                finally
                {
                    _slots.Release();
                }

                Done();
            }
            catch (Exception e)
            {
                _finished.TrySetException(e);
            }
        }, CancellationToken.None);
    }

    /// <summary>Waits for every chain; call once every first chain is started.</summary>
    public Task CompleteAsync()
    {
        Done();
        return _finished.Task;
    }

    // A chain still winding down after the run failed may find the slots gone: its error is ignored, the first one counts.
    public void Dispose() => _slots.Dispose();

    private void Done()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _finished.TrySetResult();
        }
    }
}
