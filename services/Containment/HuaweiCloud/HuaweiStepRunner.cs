using CredIr.Containment.Execution;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Hosting;

namespace CredIr.Containment.HuaweiCloud;

/// <summary>
/// Carries out (or undoes) one Huawei Cloud containment step idempotently: reads the state first, records it, then
/// changes it; a step that finds the change made is ALREADY_DONE.
/// </summary>
internal sealed class HuaweiStepRunner(HuaweiCloudAccess access)
{
    public async Task<StepOutcome> ApplyAsync(PlanStep step, HuaweiSteps.StepParameters parameters, CancellationToken ct)
    {
        switch (step.Action)
        {
            case HuaweiSteps.DeactivateAccessKey when parameters.AccessKeyId is { } ak:
                var key = await access.Iam.GetAccessKeyAsync(ak, ct);
                if (!key.IsActive)
                {
                    return new StepOutcome(StepStatus.AlreadyDone, $"AK {ak} was already inactive.", new PriorState { Resource = ak, Status = "Inactive" });
                }

                await access.Iam.SetAccessKeyStatusAsync(ak, active: false, ct);
                return new StepOutcome(StepStatus.Succeeded, $"AK {ak} set inactive.", new PriorState { Resource = ak, Status = "Active" });
            case HuaweiSteps.DisableUser:
                var user = await access.Iam.GetUserAsync(parameters.UserId, ct);
                if (!user.Enabled)
                {
                    return new StepOutcome(StepStatus.AlreadyDone, $"IAM user {user.Name} was already disabled.", new PriorState { Resource = user.Id, Status = "Disabled" });
                }

                await access.Iam.SetUserEnabledAsync(user.Id, enabled: false, ct);
                return new StepOutcome(StepStatus.Succeeded, $"IAM user {user.Name} disabled.", new PriorState { Resource = user.Id, Status = "Enabled" });
            default:
                return new StepOutcome(StepStatus.Failed, $"Not run: '{step.Action}' with these parameters is not a Huawei Cloud step this service executes.");
        }
    }

    public async Task<StepOutcome> RestoreAsync(PlanStep step, HuaweiSteps.StepParameters parameters, PriorState prior, CancellationToken ct)
    {
        switch (step.Action)
        {
            case HuaweiSteps.DeactivateAccessKey when parameters.AccessKeyId is { } ak && prior.Status == "Active":
                await access.Iam.SetAccessKeyStatusAsync(ak, active: true, ct);
                return new StepOutcome(StepStatus.Succeeded, $"AK {ak} set active again.");
            case HuaweiSteps.DisableUser when prior.Status == "Enabled":
                await access.Iam.SetUserEnabledAsync(parameters.UserId, enabled: true, ct);
                return new StepOutcome(StepStatus.Succeeded, $"IAM user {parameters.UserId} enabled again.");
            case HuaweiSteps.DeactivateAccessKey or HuaweiSteps.DisableUser:
                return new StepOutcome(StepStatus.AlreadyDone, $"Nothing to restore: it was already {prior.Status} before containment.");
            default:
                return new StepOutcome(StepStatus.Failed, $"'{step.Action}' is not a Huawei Cloud step this service restores.");
        }
    }

    public static string Describe(HuaweiCloudException e) => $"Huawei Cloud {e.Operation} failed: HTTP {(int)e.Status} {e.ErrorCode}: {e.ErrorMessage}";
}
