using CredIr.Hosting;
using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Support;

/// <summary>Containment that plans one step per key (so the coordinator asks for an approval) and changes nothing.</summary>
internal sealed class PlanOnlyContainment : CredIr.Contracts.V1.Containment.ContainmentBase
{
    public override Task<Plan> PlanContainment(PlanContainmentRequest request, ServerCallContext context) => Task.FromResult(new Plan
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

    private static IAsyncEnumerable<PlanStep> ExecuteContainmentStream(ExecutePlanRequest request, ServerCallContext context) => Empty<PlanStep>();

    private static IAsyncEnumerable<PlanStep> RollbackContainmentStream(RollbackRequest request, ServerCallContext context) => Empty<PlanStep>();

    private static IAsyncEnumerable<VerificationUpdate> VerifyContainmentStream(VerifyContainmentRequest request, ServerCallContext context) => Empty<VerificationUpdate>();

    private static async IAsyncEnumerable<T> Empty<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
        yield break;
    }

    public override Task ExecuteContainment(ExecutePlanRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(ExecuteContainmentStream(request, context), context.CancellationToken);
    public override Task RollbackContainment(RollbackRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(RollbackContainmentStream(request, context), context.CancellationToken);
    public override Task VerifyContainment(VerifyContainmentRequest request, IServerStreamWriter<VerificationUpdate> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(VerifyContainmentStream(request, context), context.CancellationToken);
}
