using CredIr.Hosting;
using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>
/// A stand-in for the Containment service, which is not built yet (coordinator unit tests only).
/// Deactivating a key is idempotent as the real one must be: it looks at the key first.
/// </summary>
internal sealed class StandInContainment(FakeCloud cloud) : CredIr.Contracts.V1.Containment.ContainmentBase
{
    /// <summary>
    /// Simulates the coordinator dying right after the cloud call, before its result is journaled: the call
    /// never answers (<see cref="EffectDone"/> says the effect happened) until the coordinator abandons it.
    /// </summary>
    public bool CrashAfterNextEffect { get; set; }

    public TaskCompletionSource<bool> EffectDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A key whose deactivation the "cloud" refuses (AccessDenied), as a missing permission would.</summary>
    public string? FailKey { get; set; }

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
        BlastRadius = new BlastRadius { Warnings = { "deployments using this key stop" } },
    });

    private async IAsyncEnumerable<PlanStep> ExecuteContainmentStream(ExecutePlanRequest request, ServerCallContext context)
    {
        await Task.Yield();
        foreach (var step in request.Plan.Steps.Where(s => request.StepIds.Count == 0 || request.StepIds.Contains(s.StepId)))
        {
            var result = new PlanStep(step);
            if (step.AccessKeyId == FailKey)
            {
                result.Status = StepStatus.Failed;
                result.ResultMessage = "AccessDenied: iam:UpdateAccessKey";
            }
            else if (cloud.KeyStatus.TryGetValue(step.AccessKeyId, out var status) && status == "Inactive")
            {
                result.Status = StepStatus.AlreadyDone;
                result.ResultMessage = "already inactive";
            }
            else
            {
                cloud.KeyStatus[step.AccessKeyId] = "Inactive";
                cloud.Count("deactivate " + step.AccessKeyId);
                if (CrashAfterNextEffect)
                {
                    CrashAfterNextEffect = false;
                    EffectDone.TrySetResult(true);
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }

                result.Status = StepStatus.Succeeded;
                result.PriorStateJson = "{\"Status\":\"Active\"}";
            }

            yield return result;
        }
    }

    private static IAsyncEnumerable<PlanStep> RollbackContainmentStream(RollbackRequest request, ServerCallContext context) => Empty<PlanStep>();

    /// <summary>The calls in the fake cloud's trail by the watched keys since containment, then the verdict.</summary>
    private async IAsyncEnumerable<VerificationUpdate> VerifyContainmentStream(VerifyContainmentRequest request, ServerCallContext context)
    {
        await Task.Yield();
        var keys = request.Credentials.Select(static c => c.AccessKeyId).ToHashSet(StringComparer.Ordinal);
        var uses = cloud.Trail.Where(e => keys.Contains(e.AccessKeyId) && e.EventTime.ToDateTimeOffset() >= request.ContainedAt.ToDateTimeOffset()).ToList();
        foreach (var use in uses)
        {
            yield return new VerificationUpdate { Use = use };
        }

        VerifyCalls++;
        yield return new VerificationUpdate
        {
            Result = new VerificationResult
            {
                Verdict = uses.Count == 0 ? VerificationVerdict.Clean : VerificationVerdict.StillActive,
                UsesAllowed = uses.Count,
            },
        };
    }

    /// <summary>How many verifications (the short watch and each post-containment check) were answered.</summary>
    public int VerifyCalls { get; private set; }

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
