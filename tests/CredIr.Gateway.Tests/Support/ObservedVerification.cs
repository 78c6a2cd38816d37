using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// A Containment stand-in whose VerifyContainment streams nothing and waits for its call to end, recording
/// the timeout it was given and when its cancellation arrived: what a backend behind the gateway sees.
/// </summary>
internal sealed class ObservedVerification : CredIr.Contracts.V1.Containment.ContainmentBase
{
    private readonly TaskCompletionSource<string?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the call's grpc-timeout header as it arrived here, once the call reached this service.</summary>
    public Task<string?> Started => _started.Task;

    /// <summary>Completes when the call's cancellation token fired here.</summary>
    public Task Cancelled => _cancelled.Task;

    public override async Task VerifyContainment(VerifyContainmentRequest request, IServerStreamWriter<VerificationUpdate> responseStream, ServerCallContext context)
    {
        _started.TrySetResult(context.GetHttpContext().Request.Headers["grpc-timeout"].FirstOrDefault());
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult();
        }
    }
}
