using CredIr.Incidents.Grains;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>A grain that notices interleaving: a read-yield-write counter and a count of calls inside at once.</summary>
internal sealed class CountingGrain : IGrainLifecycle
{
    private int _inside;

    public int Count { get; private set; }

    public int MaxInside { get; private set; }

    public int Activations { get; private set; }

    public int Deactivations { get; private set; }

    public bool KeepAlive { get; set; }

    public Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations++;
        return Task.CompletedTask;
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void OnDeactivate() => Deactivations++;

    public async Task<int> IncrementAsync()
    {
        MaxInside = Math.Max(MaxInside, Interlocked.Increment(ref _inside));
        var value = Count;
        await Task.Yield();
        await Task.Yield();
        Count = value + 1;
        Interlocked.Decrement(ref _inside);
        return Count;
    }
}
