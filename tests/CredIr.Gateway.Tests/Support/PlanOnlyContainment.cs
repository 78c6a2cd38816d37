using System.Runtime.CompilerServices;
using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Gateway.Tests.Support;

/// <summary>Containment that plans one step per key (so the coordinator asks for an approval) and changes nothing.</summary>
internal sealed class PlanOnlyContainment : IContainmentService
{
    public Task<Plan> PlanContainmentAsync(PlanContainmentRequest request, CallContext context) => Task.FromResult(new Plan
    {
        Kind = PlanKind.Containment,
        Steps =
        {
            request.Credentials.Select(c => new PlanStep
            {
                StepId = "deactivate-" + c.AccessKeyId,
                Action = "iam:UpdateAccessKey(Inactive)",
                AccessKeyId = c.AccessKeyId,
                Target = new ResourceRef { Type = "AWS::IAM::AccessKey", Id = c.AccessKeyId },
                Description = $"Set {c.AccessKeyId} Inactive",
                Reversible = true,
                Status = StepStatus.Planned,
            }),
        },
    });

    public IAsyncEnumerable<PlanStep> ExecuteContainmentAsync(ExecutePlanRequest request, CallContext context) => Empty<PlanStep>();

    public IAsyncEnumerable<PlanStep> RollbackContainmentAsync(RollbackRequest request, CallContext context) => Empty<PlanStep>();

    public IAsyncEnumerable<VerificationUpdate> VerifyContainmentAsync(VerifyContainmentRequest request, CallContext context) => Empty<VerificationUpdate>();

    private static async IAsyncEnumerable<T> Empty<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }
}
