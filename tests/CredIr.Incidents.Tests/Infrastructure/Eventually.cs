namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>Awaits a task with a deadline that names what was awaited when it expires.</summary>
internal static class Eventually
{
    public static async Task<T> Within<T>(Task<T> task, string what, int seconds = 10)
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == task, $"Timed out after {seconds}s waiting for {what}.");
        return await task;
    }

    public static async Task Within(Task task, string what, int seconds = 10)
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == task, $"Timed out after {seconds}s waiting for {what}.");
        await task;
    }

    public static async ValueTask<T> Within<T>(ValueTask<T> task, string what, int seconds = 10) =>
        await Within(task.AsTask(), what, seconds);
}
