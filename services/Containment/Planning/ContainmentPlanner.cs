using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Containment.GuardRails;
using CredIr.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Planning;

/// <summary>Builds a containment plan: validates, resolves each credential's account and owner, plans steps and blast radius.</summary>
internal sealed class ContainmentPlanner(ResponderAccess access, IOptions<ContainmentServiceOptions> options, TimeProvider time)
{
    public async Task<Plan> PlanAsync(PlanContainmentRequest request, CancellationToken ct)
    {
        var targets = RequestValidator.Validate(request.Credentials);
        var compromised = targets.Select(static t => t.AccessKeyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        using var responder = access.Open(request.IncidentId, null);
        var responderKey = await responder.AccessKeyIdAsync().ConfigureAwait(false);
        if (compromised.Contains(responderKey))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The responder's own access key {responderKey} is one of the compromised credentials: containment never acts with them. Act with other credentials."));
        }

        var now = time.GetUtcNow();
        var revokeBefore = request.RevokeBefore?.ToDateTimeOffset() ?? now;
        var containment = request.Options ?? new ContainmentOptions();
        GuardRail guard;
        GetCallerIdentityResponse identity;
        try
        {
            identity = await responder.IdentityAsync(ct).ConfigureAwait(false);
            guard = await GuardRail.CreateAsync(options.Value, responder, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e))
        {
            throw AwsErrors.ToRpc(e, "sts:GetCallerIdentity of the responder");
        }

        var plan = new PlanBuilder(guard, request.IncidentId, revokeBefore);
        foreach (var target in targets)
        {
            try
            {
                await PlanTargetAsync(plan, target, responder, containment, compromised, identity.Arn, now, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (AwsErrors.IsCloudError(e))
            {
                throw AwsErrors.ToRpc(e, $"planning {target.Field} ({target.AccessKeyId ?? target.Credential.PrincipalArn})");
            }
        }

        return plan.Build(now);
    }

    private async Task PlanTargetAsync(PlanBuilder plan, ContainmentTarget target, ResponderSession responder, ContainmentOptions containment,
        IReadOnlySet<string> compromised, string responderArn, DateTimeOffset now, CancellationToken ct)
    {
        target = await ResolveAccountAsync(target, responder, ct).ConfigureAwait(false);
        if (target.Kind == CredentialKind.Root)
        {
            PlanRoot(plan, target, responderArn);
            return;
        }

        var scope = await responder.ScopeForAsync(target.AccountId, ct).ConfigureAwait(false);
        if (target.RoleName is null && target.InstanceProfileName is not null)
        {
            if (await InstanceProfileRoleAsync(plan, target, scope.Iam, ct).ConfigureAwait(false) is not { } carried)
            {
                return;
            }

            target = target with { RoleName = carried };
        }

        switch (target.Kind)
        {
            case CredentialKind.RoleSession or CredentialKind.Role:
                var role = await RolePlanner.PlanAsync(plan, target, scope.Iam, containment, ct).ConfigureAwait(false);
                if (role is not null && !role.Path.StartsWith(RolePlanner.ServiceLinkedPath, StringComparison.Ordinal) && plan.FirstAnalysisOf(role.Arn))
                {
                    await RoleActivity.AddAsync(plan, role, scope, compromised, responderArn, now, options.Value.LegitimateCallerLookback, ct).ConfigureAwait(false);
                }

                break;
            default:
                if (target.UserName is null)
                {
                    target = target with { UserName = await OwnerOfKeyAsync(target, scope.Iam, ct).ConfigureAwait(false) };
                }

                if (target.UserName is null)
                {
                    PlanRoot(plan, target, responderArn);
                    return;
                }

                await UserPlanner.PlanAsync(plan, target, scope.Iam, containment, compromised, ct).ConfigureAwait(false);
                break;
        }
    }

    private static async Task<ContainmentTarget> ResolveAccountAsync(ContainmentTarget target, ResponderSession responder, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(target.AccountId))
        {
            return target;
        }

        if (target.AccessKeyId is null)
        {
            return target with { AccountId = (await responder.IdentityAsync(ct).ConfigureAwait(false)).Account };
        }

        try
        {
            var info = await responder.Caller.Sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest(target.AccessKeyId), ct).ConfigureAwait(false);
            return target with { AccountId = info.Account };
        }
        catch (AwsServiceException e) when (!e.IsRetryable)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{target.Field}.access_key_id: the account of access key {target.AccessKeyId} could not be found (sts:GetAccessKeyInfo: {e.Code}: {e.ErrorMessage})."));
        }
    }

    /// <summary>The IAM user owning a long-term key, or null for the account's root user.</summary>
    // A profile carries at most one role. When the profile is gone, so is the path to new instance
    // credentials through it; the ones issued stay valid until expiry, which only the role's deny would stop.
    private static async Task<string?> InstanceProfileRoleAsync(PlanBuilder plan, ContainmentTarget target, IamClient iam, CancellationToken ct)
    {
        IamInstanceProfile profile;
        try
        {
            profile = (await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(target.InstanceProfileName!), ct).ConfigureAwait(false)).InstanceProfile;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            plan.CannotRevoke(
                $"{target.Field}: instance profile {target.InstanceProfileName} no longer exists in account {target.AccountId}, so the role its instances ran as "
                + "cannot be read from it: find the role in the instance's RunInstances record or in AWS Config, and revoke its older sessions.");
            return null;
        }

        if (profile.Roles.Count == 0)
        {
            plan.CannotRevoke(
                $"{target.Field}: instance profile {profile.Arn} carries no role now, so its instances get no new credentials; credentials issued "
                + "before the role was removed stay valid until they expire: revoke the older sessions of the role it carried.");
            return null;
        }

        return profile.Roles[0].RoleName;
    }

    private static async Task<string?> OwnerOfKeyAsync(ContainmentTarget target, IamClient iam, CancellationToken ct)
    {
        try
        {
            var response = await iam.GetAccessKeyLastUsedAsync(new GetAccessKeyLastUsedRequest(target.AccessKeyId!), ct).ConfigureAwait(false);
            return response.UserName is null or "root" or "<root_account>" ? null : response.UserName;
        }
        catch (AwsServiceException e) when (!e.IsRetryable)
        {
            // IAM answers a key it does not hold in this account exactly as one the caller may not read.
            throw new RpcException(new Status(StatusCode.NotFound, $"{target.Field}.access_key_id: access key {target.AccessKeyId} was not found in account {target.AccountId} (iam:GetAccessKeyLastUsed: {e.Code}: {e.ErrorMessage})."));
        }
    }

    // The root of an account in the responder's partition: an organization never spans partitions.
    private static void PlanRoot(PlanBuilder plan, ContainmentTarget target, string responderArn)
    {
        var arn = AwsPartition.FromArn(responderArn).AccountRootArn(target.AccountId!);
        plan.CannotRevoke(
            $"The root user of account {target.AccountId}: no IAM policy restricts root, so its access keys and session tokens (GetSessionToken of root included) "
            + "cannot be revoked by policy. Sign in as root, delete its access keys, change its password, and enable or replace its MFA device.");
        plan.Add(new StepSpec(StepActions.SecureRoot, new ResourceRef { Arn = arn, Type = "AWS::IAM::Root", Id = "root", AccountId = target.AccountId },
            $"As the root user of account {target.AccountId}: delete every root access key{(target.AccessKeyId is { } k ? $" (including {k})" : string.Empty)}, "
            + "change the root password, and enable or replace its MFA device. Only root can do this; existing root sessions end only when they expire.",
            Reversible: false, new StepParameters { AccountId = target.AccountId, AccessKeyId = target.AccessKeyId })
        { Manual = true, PrincipalType = "root", PrincipalName = "root", PrincipalArn = arn });
        plan.Affects(arn);
    }
}
