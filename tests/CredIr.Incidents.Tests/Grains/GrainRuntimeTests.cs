using CredIr.Incidents.Grains;
using CredIr.Incidents.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Incidents.Tests.Grains;

public sealed class GrainRuntimeTests : IAsyncDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new();
    private readonly List<CountingGrain> _created = [];
    private readonly GrainRuntime<CountingGrain> _runtime;

    public GrainRuntimeTests()
    {
        _runtime = new GrainRuntime<CountingGrain>(
            _ =>
            {
                var grain = new CountingGrain();
                lock (_created)
                {
                    _created.Add(grain);
                }

                return grain;
            },
            new GrainRuntimeOptions(Idle, TimeSpan.FromMinutes(1), ConflictRetries: 3),
            _time,
            NullLogger.Instance);
    }

    [Fact]
    public async Task ConcurrentCalls_OneActivation_RunOneAtATime()
    {
        var calls = Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => _runtime.InvokeAsync("inc-1", static (grain, _) => grain.IncrementAsync(), CancellationToken.None)));

        await Eventually.Within(Task.WhenAll(calls), "50 concurrent calls");

        var grain = Assert.Single(_created);
        Assert.Equal(50, grain.Count);
        Assert.Equal(1, grain.MaxInside);
        Assert.Equal(1, grain.Activations);
    }

    [Fact]
    public async Task CallsToDifferentKeys_GetTheirOwnActivations()
    {
        await _runtime.InvokeAsync("inc-1", static (grain, _) => grain.IncrementAsync(), CancellationToken.None);
        await _runtime.InvokeAsync("inc-2", static (grain, _) => grain.IncrementAsync(), CancellationToken.None);
        await _runtime.InvokeAsync("inc-1", static (grain, _) => grain.IncrementAsync(), CancellationToken.None);

        Assert.Equal(2, _runtime.ActivationCount);
        Assert.Equal([2, 1], _created.Select(g => g.Count));
    }

    [Fact]
    public async Task IdleActivation_AfterTimeout_IsDroppedAndReactivatedOnNextCall()
    {
        await _runtime.InvokeAsync("inc-1", static (grain, _) => grain.IncrementAsync(), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(9));
        var beforeTimeout = _runtime.ActivationCount;
        _time.Advance(TimeSpan.FromMinutes(2));
        var afterTimeout = _runtime.ActivationCount;
        await _runtime.InvokeAsync("inc-1", static (grain, _) => grain.IncrementAsync(), CancellationToken.None);

        Assert.Equal((1, 0), (beforeTimeout, afterTimeout));
        Assert.Equal(1, _created[0].Deactivations);
        Assert.Equal(2, _created.Count);
        Assert.Equal(1, _created[1].Count);
    }

    [Fact]
    public async Task WatchedActivation_PastTimeout_IsKept()
    {
        await _runtime.InvokeAsync("inc-1", static (grain, _) => grain.IncrementAsync(), CancellationToken.None);
        _created[0].KeepAlive = true;

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(1, _runtime.ActivationCount);
        Assert.Equal(0, _created[0].Deactivations);
    }

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();
}
