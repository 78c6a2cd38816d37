using CredIr.Hosting;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>A stand-in for the Recovery service, which is not built yet (coordinator unit tests only).</summary>
internal sealed class StandInRecovery(FakeCloud cloud) : CredIr.Contracts.V1.Recovery.RecoveryBase
{
    public override Task<PlanRecoveryResponse> PlanRecovery(PlanRecoveryRequest request, ServerCallContext context) => Task.FromResult(new PlanRecoveryResponse
    {
        Items =
        {
            new RecoveryItem
            {
                ItemId = "bucket-policy",
                Resource = new ResourceRef { Type = "AWS::S3::Bucket", Id = "payments-data" },
                Change = ResourceChange.Modified,
                Strategy = RecoveryStrategy.RestoreFromBackup,
                Status = StepStatus.Planned,
            },
        },
        Plan = new Plan { Kind = PlanKind.Recovery, Steps = { new PlanStep { StepId = "bucket-policy", Action = "s3:PutBucketPolicy", Status = StepStatus.Planned } } },
    });

    private async IAsyncEnumerable<RecoveryItem> ExecuteRecoveryStream(ExecuteRecoveryRequest request, ServerCallContext context)
    {
        await Task.Yield();
        foreach (var item in request.Items)
        {
            cloud.Count("restore " + item.Resource.Id);
            yield return new RecoveryItem(item) { Status = StepStatus.Succeeded, Rationale = "restored policy version v3" };
        }
    }

    public override Task ExecuteRecovery(ExecuteRecoveryRequest request, IServerStreamWriter<RecoveryItem> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(ExecuteRecoveryStream(request, context), context.CancellationToken);
}
