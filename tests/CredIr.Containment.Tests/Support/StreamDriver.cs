namespace CredIr.Containment.Tests.Support;

/// <summary>
/// Reads a stream whose producer waits on the manual clock: whenever it is waiting on a timer, the
/// clock moves one step; nothing sleeps.
/// </summary>
internal static class StreamDriver
{
    public static async Task<List<T>> DriveAsync<T>(IAsyncEnumerable<T> stream, ManualClock clock, TimeSpan step, Func<T, Task>? onItem = null)
    {
        var items = new List<T>();
        var timeout = TimeSpan.FromSeconds(60);
        await using var e = stream.GetAsyncEnumerator();
        while (true)
        {
            var next = e.MoveNextAsync().AsTask();
            while (!next.IsCompleted)
            {
                var timer = clock.WaitForTimerAsync(timeout, $"the next update after {items.Count} (or a poll waiting on the clock)");
                if (await Task.WhenAny(next, timer) == timer)
                {
                    await timer;
                    clock.Advance(step);
                }
            }

            if (!await next)
            {
                return items;
            }

            items.Add(e.Current);
            if (onItem is not null)
            {
                await onItem(e.Current);
            }
        }
    }
}
