using CredIr.Aws;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddRoleActions()
    {
        _actions["iam:DetachRolePolicy"] = DetachRolePolicyAsync;
        _actions["iam:DeleteRolePolicy"] = DeleteRolePolicyAsync;
        _actions["iam:RemoveRoleFromInstanceProfile"] = RemoveRoleFromInstanceProfileAsync;
        _actions["iam:DeleteInstanceProfile"] = DeleteInstanceProfileAsync;
        _actions["iam:DeleteRole"] = DeleteRoleAsync;
    }

    private static async Task<StepOutcome> DetachRolePolicyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, role, policy) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var attached = await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(role), ct), ct));
        if (!attached.Any(p => p.PolicyArn == policy))
        {
            return StepOutcome.AlreadyDone($"{policy} is not attached to role {role}.", PriorState.Absent($"role/{role} attachment {policy}"));
        }

        await iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(role, policy), ct);
        return StepOutcome.Done($"Detached {policy} from role {role}.", PriorState.Present($"role/{role} attachment {policy}"));
    }

    private static async Task<StepOutcome> DeleteRolePolicyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, role, name) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        string document;
        try
        {
            document = (await iam.GetRolePolicyAsync(new GetRolePolicyRequest(role, name), ct)).PolicyDocument;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"Role {role} has no inline policy {name}.", PriorState.Absent($"role/{role} policy {name}"));
        }

        await iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(role, name), ct);
        return StepOutcome.Done($"Deleted inline policy {name} of role {role}.", PriorState.Present($"role/{role} policy {name}", ("document", document)));
    }

    private static async Task<StepOutcome> RemoveRoleFromInstanceProfileAsync(StepContext step, CancellationToken ct)
    {
        var (iam, profile, role) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        IamInstanceProfile found;
        try
        {
            found = (await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profile), ct)).InstanceProfile;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"Instance profile {profile} no longer exists.", PriorState.Absent($"instance-profile/{profile} role {role}"));
        }

        if (!found.Roles.Any(r => r.RoleName == role))
        {
            return StepOutcome.AlreadyDone($"Role {role} is not in instance profile {profile}.", PriorState.Absent($"instance-profile/{profile} role {role}"));
        }

        await iam.RemoveRoleFromInstanceProfileAsync(new RemoveRoleFromInstanceProfileRequest(profile, role), ct);
        return StepOutcome.Done($"Removed role {role} from instance profile {profile}.", PriorState.Present($"instance-profile/{profile} role {role}"));
    }

    private static async Task<StepOutcome> DeleteInstanceProfileAsync(StepContext step, CancellationToken ct)
    {
        var (iam, profile) = (await step.IamAsync(ct), step.Id);
        IamInstanceProfile found;
        try
        {
            found = (await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profile), ct)).InstanceProfile;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"Instance profile {profile} no longer exists.", PriorState.Absent($"instance-profile/{profile}"));
        }

        await iam.DeleteInstanceProfileAsync(new DeleteInstanceProfileRequest(profile), ct);
        return StepOutcome.Done($"Deleted instance profile {profile}.", PriorState.Present($"instance-profile/{profile}", ("arn", found.Arn), ("path", found.Path)));
    }

    private static async Task<StepOutcome> DeleteRoleAsync(StepContext step, CancellationToken ct)
    {
        var (iam, name) = (await step.IamAsync(ct), step.Id);
        IamRole role;
        try
        {
            role = (await iam.GetRoleAsync(new GetRoleRequest(name), ct)).Role;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"IAM role {name} no longer exists.", PriorState.Absent($"role/{name}"));
        }

        await iam.DeleteRoleAsync(new DeleteRoleRequest(name), ct);
        return StepOutcome.Done($"Deleted IAM role {name}.",
            PriorState.Present($"role/{name}", ("arn", role.Arn), ("path", role.Path), ("assumeRolePolicyDocument", role.AssumeRolePolicyDocument)));
    }
}
