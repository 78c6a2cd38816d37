namespace CredIr.Hosting.Tests.Support;

/// <summary>What the test echo service observed, for tests to await.</summary>
public sealed class EchoProbe
{
    private readonly TaskCompletionSource _hangCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a hanging call's token was cancelled (deadline or client gone).</summary>
    public Task HangCancelled => _hangCancelled.Task;

    /// <summary>Where a stream asked to hold waits (released by the test).</summary>
    public SemaphoreSlim Gate { get; } = new(0);

    public void OnHangCancelled() => _hangCancelled.TrySetResult();
}
