using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Planning;

/// <summary>Plans the steps for a credential held by an IAM user: keys, console password, MFA review, session denies.</summary>
internal static class UserPlanner
{
    public static async Task PlanAsync(PlanBuilder plan, ContainmentTarget target, IamClient iam, ContainmentOptions options,
        IReadOnlySet<string> compromisedKeys, CancellationToken ct)
    {
        var userName = target.UserName!;
        IamUser user;
        try
        {
            user = (await iam.GetUserAsync(new GetUserRequest(userName), ct).ConfigureAwait(false)).User;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{target.Field}: IAM user '{userName}' does not exist in account {target.AccountId}: {e.ErrorMessage}"));
        }

        var keys = await ListAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest(userName), ct)).ConfigureAwait(false);
        if (target.Kind == CredentialKind.AccessKey && keys.All(k => k.AccessKeyId != target.AccessKeyId))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{target.Field}.access_key_id: access key {target.AccessKeyId} does not exist on user {userName} in account {target.AccountId}."));
        }

        var resource = new ResourceRef { Arn = user.Arn, Type = "AWS::IAM::User", Id = userName, AccountId = target.AccountId };
        var principal = (Type: "user", Name: userName, user.Arn);
        var baseParameters = new StepParameters { AccountId = target.AccountId, UserName = userName };
        var keysToDisable = target.Kind switch
        {
            CredentialKind.AccessKey => keys.Where(k => k.AccessKeyId == target.AccessKeyId).ToList(),
            CredentialKind.IamUser => keys,
            _ => [],
        };
        foreach (var key in keysToDisable)
        {
            plan.Add(Spec(StepActions.DeactivateAccessKey, resource.Clone(), principal, reversible: true, baseParameters with { AccessKeyId = key.AccessKeyId },
                $"Set access key {key.AccessKeyId} of user {userName} to Inactive: every call signed with it fails with InvalidClientTokenId. "
                + "The key is kept, not deleted: its id stays searchable in CloudTrail as evidence and the step can be rolled back."));
        }

        foreach (var other in keys.Where(k => k.Status == AccessKeyStatus.Active && !keysToDisable.Contains(k) && !compromisedKeys.Contains(k.AccessKeyId)))
        {
            plan.Warn($"User {userName} keeps access key {other.AccessKeyId} active: it is not part of this incident. Rotate it if it may have leaked with the other.");
        }

        plan.Affects(user.Arn);
        await PlanLoginProfileAsync(plan, target, iam, options, resource, principal, baseParameters, ct).ConfigureAwait(false);
        await PlanMfaReviewAsync(plan, iam, resource, principal, baseParameters, ct).ConfigureAwait(false);

        var revoke = plan.Add(Spec(StepActions.UserRevokeOlderSessions, resource, principal, reversible: true,
            baseParameters with { PolicyName = PolicyDocuments.UserRevokePolicyName(plan.IncidentId), PolicyDocument = PolicyDocuments.RevokeOlderSessions(plan.RevokeBefore) },
            $"Add inline policy {PolicyDocuments.UserRevokePolicyName(plan.IncidentId)} to user {userName}: deny every action to sessions issued before "
            + $"{plan.RevokeBefore:O} (aws:TokenIssueTime). Sessions minted with GetSessionToken or GetFederationToken survive a disabled key; "
            + "this stops them (GetFederationToken sessions are evaluated against the issuing user's policies). Long-term keys are not affected by it."));
        if (options.DenyAll)
        {
            plan.Add(Spec(StepActions.UserDenyAll, resource, principal, reversible: true,
                baseParameters with { PolicyName = PolicyDocuments.DenyAllPolicyName(plan.IncidentId), PolicyDocument = PolicyDocuments.DenyAll },
                $"Add inline policy {PolicyDocuments.DenyAllPolicyName(plan.IncidentId)} to user {userName}: an explicit deny of every action, "
                + "whatever credential of the user is used, old or new.") with { DependsOn = [revoke] });
        }
    }

    private static async Task PlanLoginProfileAsync(PlanBuilder plan, ContainmentTarget target, IamClient iam, ContainmentOptions options,
        ResourceRef resource, (string Type, string Name, string Arn) principal, StepParameters parameters, CancellationToken ct)
    {
        var userName = principal.Name;
        if (!await HasLoginProfileAsync(iam, userName, ct).ConfigureAwait(false))
        {
            return;
        }

        if (options.KeepLoginProfiles && target.Kind != CredentialKind.LoginProfile)
        {
            plan.Warn($"User {userName} keeps its console password (keep_login_profiles): whoever knows it can still sign in.");
            return;
        }

        plan.Add(Spec(StepActions.DeleteLoginProfile, WithType(resource, "AWS::IAM::LoginProfile"), principal, reversible: false, parameters,
            $"Delete the console login profile (password) of user {userName}: nobody can sign in to the console as {userName}. "
            + "Not reversible: AWS never returns a password, so a rollback cannot restore it; the user gets a new one from an administrator."));
    }

    private static async Task PlanMfaReviewAsync(PlanBuilder plan, IamClient iam, ResourceRef resource, (string Type, string Name, string Arn) principal,
        StepParameters parameters, CancellationToken ct)
    {
        var devices = await ListAsync(iam.ListMfaDevicesAsync(new ListMfaDevicesRequest(principal.Name), ct)).ConfigureAwait(false);
        if (devices.Count == 0)
        {
            return;
        }

        var serials = devices.Select(static d => d.SerialNumber).ToList();
        plan.Add(Spec(StepActions.ReviewMfaDevices, WithType(resource, "AWS::IAM::MFADevice"), principal, reversible: true, parameters with { MfaDevices = serials },
            $"Review the MFA devices of user {principal.Name} ({string.Join(", ", serials)}): an actor with console access may have registered one. "
            + "Nothing is deleted automatically; deactivate a device the user does not recognise.") with { Manual = true });
    }

    private static async Task<bool> HasLoginProfileAsync(IamClient iam, string userName, CancellationToken ct)
    {
        try
        {
            await iam.GetLoginProfileAsync(new GetLoginProfileRequest(userName), ct).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return false;
        }
    }

    private static StepSpec Spec(string action, ResourceRef resource, (string Type, string Name, string Arn) principal, bool reversible, StepParameters parameters, string description) =>
        new(action, resource, description, reversible, parameters) { PrincipalType = principal.Type, PrincipalName = principal.Name, PrincipalArn = principal.Arn };

    private static ResourceRef WithType(ResourceRef resource, string type)
    {
        var copy = resource.Clone();
        copy.Type = type;
        return copy;
    }

    internal static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
