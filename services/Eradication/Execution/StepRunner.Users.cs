using CredIr.Aws;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddUserActions()
    {
        _actions["iam:DetachUserPolicy"] = DetachUserPolicyAsync;
        _actions["iam:DeleteUserPolicy"] = DeleteUserPolicyAsync;
        _actions["iam:DeleteAccessKey"] = DeleteAccessKeyAsync;
        _actions["iam:DeleteLoginProfile"] = DeleteLoginProfileAsync;
        _actions["iam:DeactivateMFADevice"] = DeactivateMfaDeviceAsync;
        _actions["iam:RemoveUserFromGroup"] = RemoveUserFromGroupAsync;
        _actions["iam:DeleteUser"] = DeleteUserAsync;
    }

    private static async Task<StepOutcome> DetachUserPolicyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, policy) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var attached = await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest(user), ct), ct));
        if (!attached.Any(p => p.PolicyArn == policy))
        {
            return StepOutcome.AlreadyDone($"{policy} is not attached to user {user}.", PriorState.Absent($"user/{user} attachment {policy}"));
        }

        await iam.DetachUserPolicyAsync(new DetachUserPolicyRequest(user, policy), ct);
        return StepOutcome.Done($"Detached {policy} from user {user}.", PriorState.Present($"user/{user} attachment {policy}"));
    }

    private static async Task<StepOutcome> DeleteUserPolicyAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, name) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        string document;
        try
        {
            document = (await iam.GetUserPolicyAsync(new GetUserPolicyRequest(user, name), ct)).PolicyDocument;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"User {user} has no inline policy {name}.", PriorState.Absent($"user/{user} policy {name}"));
        }

        await iam.DeleteUserPolicyAsync(new DeleteUserPolicyRequest(user, name), ct);
        return StepOutcome.Done($"Deleted inline policy {name} of user {user}.", PriorState.Present($"user/{user} policy {name}", ("document", document)));
    }

    private static async Task<StepOutcome> DeleteAccessKeyAsync(StepContext step, CancellationToken ct)
    {
        var iam = await step.IamAsync(ct);
        var keyId = step.Id;
        var user = step.Parameter ?? await AwsResourceStateReader.AccessKeyOwnerAsync(iam, keyId, ct);
        var keys = user is null ? [] : await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest(user), ct), ct));
        if (keys.FirstOrDefault(k => k.AccessKeyId == keyId) is not { } key)
        {
            return StepOutcome.AlreadyDone($"Access key {keyId} no longer exists.", PriorState.Absent($"access-key/{keyId}"));
        }

        await iam.DeleteAccessKeyAsync(new DeleteAccessKeyRequest(keyId, user), ct);
        return StepOutcome.Done($"Deleted access key {keyId} of user {user} (it was {key.Status}).",
            PriorState.Present($"access-key/{keyId}", ("userName", user), ("status", key.Status.ToString()), ("createDate", key.CreateDate?.ToString("O"))));
    }

    private static async Task<StepOutcome> DeleteLoginProfileAsync(StepContext step, CancellationToken ct)
    {
        var iam = await step.IamAsync(ct);
        var user = step.Parameter ?? step.Id;
        IamLoginProfile profile;
        try
        {
            profile = (await iam.GetLoginProfileAsync(new GetLoginProfileRequest(user), ct)).LoginProfile;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"User {user} has no console password.", PriorState.Absent($"user/{user} login-profile"));
        }

        await iam.DeleteLoginProfileAsync(new DeleteLoginProfileRequest(user), ct);
        return StepOutcome.Done($"Deleted the console password of user {user}.", PriorState.Present($"user/{user} login-profile", ("createDate", profile.CreateDate?.ToString("O"))));
    }

    private static async Task<StepOutcome> DeactivateMfaDeviceAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, serial) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var devices = await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListMfaDevicesAsync(new ListMfaDevicesRequest(user), ct), ct));
        if (!devices.Any(d => d.SerialNumber == serial))
        {
            return StepOutcome.AlreadyDone($"MFA device {serial} is not active on user {user}.", PriorState.Absent($"user/{user} mfa {serial}"));
        }

        await iam.DeactivateMfaDeviceAsync(new DeactivateMfaDeviceRequest(user, serial), ct);
        return StepOutcome.Done($"Deactivated MFA device {serial} of user {user}.", PriorState.Present($"user/{user} mfa {serial}"));
    }

    private static async Task<StepOutcome> RemoveUserFromGroupAsync(StepContext step, CancellationToken ct)
    {
        var (iam, user, group) = (await step.IamAsync(ct), step.Id, step.RequireParameter());
        var groups = await Read.OrEmptyAsync(() => Read.ListAsync(iam.ListGroupsForUserAsync(new ListGroupsForUserRequest(user), ct), ct));
        if (!groups.Any(g => g.GroupName == group))
        {
            return StepOutcome.AlreadyDone($"User {user} is not in group {group}.", PriorState.Absent($"user/{user} group {group}"));
        }

        await iam.RemoveUserFromGroupAsync(new RemoveUserFromGroupRequest(group, user), ct);
        return StepOutcome.Done($"Removed user {user} from group {group}.", PriorState.Present($"user/{user} group {group}"));
    }

    private static async Task<StepOutcome> DeleteUserAsync(StepContext step, CancellationToken ct)
    {
        var (iam, name) = (await step.IamAsync(ct), step.Id);
        IamUser user;
        try
        {
            user = (await iam.GetUserAsync(new GetUserRequest(name), ct)).User;
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return StepOutcome.AlreadyDone($"IAM user {name} no longer exists.", PriorState.Absent($"user/{name}"));
        }

        await iam.DeleteUserAsync(new DeleteUserRequest(name), ct);
        return StepOutcome.Done($"Deleted IAM user {name}.", PriorState.Present($"user/{name}", ("arn", user.Arn), ("path", user.Path), ("createDate", user.CreateDate.ToString("O"))));
    }
}
