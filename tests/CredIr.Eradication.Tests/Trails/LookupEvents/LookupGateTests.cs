using CredIr.Eradication.Trails.LookupEvents;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

/// <summary>The organization-wide gate on LookupEvents calls: bounded, and the biggest backlog goes first.</summary>
public sealed class LookupGateTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GateFull_WaitingCallsAdmittedLargestBacklogFirst_EqualBacklogsInArrivalOrder()
    {
        var gate = new LookupGate(1);
        await gate.EnterAsync(1, CancellationToken.None);
        var admitted = new List<string>();
        var small = Admit(gate, 1, "small", admitted);
        var busiest = Admit(gate, 60, "busiest", admitted);
        var mediumFirst = Admit(gate, 3, "medium-first", admitted);
        var mediumSecond = Admit(gate, 3, "medium-second", admitted);

        Assert.Empty(admitted);
        var waiting = new List<Task> { small, busiest, mediumFirst, mediumSecond };
        while (waiting.Count > 0)
        {
            // One slot at a time, so the order admitted is the gate's, not the thread pool's.
            gate.Exit();
            waiting.Remove(await Task.WhenAny(waiting).WaitAsync(Wait));
        }

        Assert.Equal(["busiest", "medium-first", "medium-second", "small"], admitted);
    }

    [Fact]
    public async Task CapacityTwo_ThirdCallWaitsUntilOneLeaves()
    {
        var gate = new LookupGate(2);
        await gate.EnterAsync(1, CancellationToken.None).WaitAsync(Wait);
        await gate.EnterAsync(1, CancellationToken.None).WaitAsync(Wait);

        var third = gate.EnterAsync(1, CancellationToken.None);
        Assert.False(third.IsCompleted, "a third call was admitted while two were in flight");

        gate.Exit();
        await third.WaitAsync(Wait);
    }

    [Fact]
    public async Task CancelledWaiter_IsSkipped_TheSlotGoesToTheNext()
    {
        var gate = new LookupGate(1);
        await gate.EnterAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(100, cancel.Token);
        var next = gate.EnterAsync(1, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait));
        gate.Exit();

        await next.WaitAsync(Wait);
    }

    private static async Task Admit(LookupGate gate, double backlog, string name, List<string> admitted)
    {
        await gate.EnterAsync(backlog, CancellationToken.None);
        lock (admitted)
        {
            admitted.Add(name);
        }
    }
}
