namespace CredIr.Hosting.Tests.Support;

/// <summary>What the test echo service observed, for tests to await.</summary>
public sealed class EchoProbe
{
    private readonly TaskCompletionSource _hangCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a hanging call's token was cancelled (deadline or client gone).</summary>
    public Task HangCancelled => _hangCancelled.Task;

    public void OnHangCancelled() => _hangCancelled.TrySetResult();
}
