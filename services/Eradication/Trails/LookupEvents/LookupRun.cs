using System.Threading.Channels;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// The page chains of one query: started as they appear (first segments, then splits), each on its own task,
/// their calls admitted by one <see cref="LookupGate"/>. Ends when the last chain ends; the first unexpected
/// error ends it too.
/// </summary>
internal sealed class LookupRun(TrailQuery query, ChannelWriter<TrailItem> writer, Progress progress, LookupGate gate, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // One for the starter itself, so the run cannot end while the first chains are still being started.
    private int _outstanding = 1;

    public TrailQuery Query { get; } = query;

    public ChannelWriter<TrailItem> Writer { get; } = writer;

    public Progress Progress { get; } = progress;

    public LookupGate Gate { get; } = gate;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void Start(LookupChain chain, Func<LookupChain, LookupRun, Task> page)
    {
        chain.Lane.Enter(chain.PagesLeft);
        Interlocked.Increment(ref _outstanding);
        _ = Task.Run(async () =>
        {
            try
            {
                await page(chain, this);
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

    private void Done()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            _finished.TrySetResult();
        }
    }
}
