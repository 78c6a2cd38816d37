using CredIr.Aws;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddPolicyActions()
    {
        _actions["iam:DetachGroupPolicy"] = DetachGroupPolicyAsync;
        _actions["iam:DeletePolicyVersion"] = DeletePolicyVersionAsync;
        _actions["iam:DeletePolicy"] = DeletePolicyAsync;
    }

    private static async Task<StepOutcome> DetachGroupPolicyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, group, policy) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var attached = await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListAttachedGroupPoliciesAsync(new ListAttachedGroupPoliciesRequest(group), ct), ct));
        if (!attached.Any(p => p.PolicyArn == policy))
        {
            return StepOutcome.AlreadyDone($"{policy} is not attached to group {group}.", PriorState.Absent($"group/{group} attachment {policy}"));
        }

        await iam.DetachGroupPolicyAsync(new DetachGroupPolicyRequest(group, policy), ct);
        return StepOutcome.Done($"Detached {policy} from group {group}.", PriorState.Present($"group/{group} attachment {policy}"));
    }

    private static async Task<StepOutcome> DeletePolicyVersionAsync(StepContext step, CancellationToken ct)
    {
        var (iam, policy, version) = (await step.IamAsync(ct), step.Arn, step.RequireParameter());
        IamPolicyVersion found;
        try
        {
            found = (await iam.GetPolicyVersionAsync(new GetPolicyVersionRequest(policy, version), ct)).PolicyVersion;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"Version {version} of {policy} no longer exists.", PriorState.Absent($"{policy} version {version}"));
        }

        await iam.DeletePolicyVersionAsync(new DeletePolicyVersionRequest(policy, version), ct);
        return StepOutcome.Done($"Deleted version {version} of {policy}.", PriorState.Present($"{policy} version {version}", ("document", found.Document)));
    }

    private static async Task<StepOutcome> DeletePolicyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, arn) = (await step.IamAsync(ct), step.Arn);
        IamManagedPolicy policy;
        string? document;
        try
        {
            policy = (await iam.GetPolicyAsync(new GetPolicyRequest(arn), ct)).Policy;
            document = policy.DefaultVersionId is { } v ? (await iam.GetPolicyVersionAsync(new GetPolicyVersionRequest(arn, v), ct)).PolicyVersion.Document : null;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"Managed policy {arn} no longer exists.", PriorState.Absent(arn));
        }

        await iam.DeletePolicyAsync(new DeletePolicyRequest(arn), ct);
        return StepOutcome.Done($"Deleted managed policy {arn}.", PriorState.Present(arn, ("path", policy.Path), ("defaultVersionId", policy.DefaultVersionId), ("document", document)));
    }
}
