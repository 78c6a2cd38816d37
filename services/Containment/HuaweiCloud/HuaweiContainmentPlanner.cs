using CredIr.Containment.Planning;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Iam;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CredIr.Containment.HuaweiCloud;

/// <summary>
/// A containment plan on Huawei Cloud: each leaked or derived permanent AK set inactive (the key stays as evidence);
/// with deny-all (the stronger level, or an escalation) its user disabled too. An agency's temporary AK cannot be
/// revoked on Huawei Cloud: the plan says so and until when it works.
/// </summary>
internal sealed class HuaweiContainmentPlanner(HuaweiCloudAccess access, TimeProvider time)
{
    public async Task<Plan> PlanAsync(PlanContainmentRequest request, CancellationToken ct)
    {
        if (!access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }

        if (request.Credentials.Count == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "credentials: give at least one credential to contain."));
        }

        var responderKey = access.ResponderAccessKeyId;
        if (request.Credentials.Any(c => c.AccessKeyId == responderKey))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The responder's own AK {responderKey} is one of the compromised credentials: containment never acts with it. Act with another AK (HuaweiCloud:AccessKeyId)."));
        }

        var now = time.GetUtcNow();
        var steps = new List<PlanStep>();
        var plan = new Plan { Kind = PlanKind.Containment, Provider = CloudProvider.HuaweiCloud, BlastRadius = new BlastRadius(), CreatedAt = Timestamp.FromDateTimeOffset(now) };
        foreach (var credential in request.Credentials)
        {
            try
            {
                await PlanCredentialAsync(plan, steps, credential, request.Options?.DenyAll == true, now, ct);
            }
            catch (HuaweiCloudException e)
            {
                throw HuaweiRpcErrors.ToRpc(e);
            }
        }

        // One step per change; when a user is disabled for a temporary AK too, the step names that AK (its status follows it).
        plan.Steps.AddRange(steps.GroupBy(static s => s.StepId).Select(static g => g.FirstOrDefault(static s => s.AccessKeyId.Length > 0) ?? g.First()));
        var revokeBefore = request.RevokeBefore?.ToDateTimeOffset() ?? now;
        plan.PlanId = StepIds.ForPlan(request.IncidentId, plan.Steps.Select(static s => s.StepId), revokeBefore);
        return plan;
    }

    private async Task PlanCredentialAsync(Plan plan, List<PlanStep> steps, Credential credential, bool denyAll, DateTimeOffset now, CancellationToken ct)
    {
        var name = credential.AccessKeyId.Length > 0 ? credential.AccessKeyId : credential.PrincipalArn;
        if (credential.Kind is CredentialKind.RoleSession or CredentialKind.SessionToken)
        {
            var until = credential.ExpiresAt?.ToDateTimeOffset();
            if (until is { } expiry && expiry <= now)
            {
                return;
            }

            // A temporary AK cannot be revoked, but the API gateway refuses every temporary AK of a disabled user:
            // disabling the user whose AK obtained it stops it (the AWS playbook's "revoke the issuer's sessions").
            if (await IssuerAsync(credential, ct) is { } issuer)
            {
                steps.Add(DisableUserStep(plan, issuer, credential.AccessKeyId,
                    $"Disable IAM user {issuer.Name}, who obtained temporary AK {credential.AccessKeyId}{(credential.RoleName.Length > 0 ? $" of agency {credential.RoleName}" : "")}: "
                    + "the API gateway refuses every AK, temporary ones included, of a disabled user; nothing else revokes a temporary AK before it expires."));
                return;
            }

            plan.CannotRevoke.Add($"{name}: a temporary AK/SK{(credential.RoleName.Length > 0 ? $" of agency {credential.RoleName}" : "")} cannot be revoked on Huawei Cloud and the user who obtained it is not known; "
                + $"it works until {(until is { } u ? $"{u:u}" : "it expires (at most 24 h after issue)")}. Delete the AK that obtained it and review the agency's trust.");
            return;
        }

        if (credential.AccessKeyId.Length == 0)
        {
            // A user the actor created: disabled, so no AK it holds or gets and no console sign-in works.
            var userName = credential.UserName.Length > 0 ? credential.UserName : credential.PrincipalArn[(credential.PrincipalArn.LastIndexOf(':') + 1)..];
            if (credential.Kind == CredentialKind.IamUser && userName.Length > 0 && await access.Iam.FindUserIdAsync(userName, ct) is { } userId)
            {
                var created = await access.Iam.GetUserAsync(userId, ct);
                steps.Add(DisableUserStep(plan, created, null, $"Disable IAM user {created.Name}, created by the actor: none of its AKs and no console sign-in work any more (eradication deletes it)."));
                return;
            }

            plan.CannotRevoke.Add($"{name}: no AK to deactivate and no such IAM user; on Huawei Cloud containment acts on AKs and their users.");
            return;
        }

        AccessKeyInfo key;
        try
        {
            key = await access.Iam.GetAccessKeyAsync(credential.AccessKeyId, ct);
        }
        catch (HuaweiCloudException e) when (e.IsNotFound)
        {
            plan.BlastRadius.Warnings.Add($"{credential.AccessKeyId}: IAM has no such AK any more (deleted): nothing to deactivate.");
            return;
        }

        var user = await access.Iam.GetUserAsync(key.UserId, ct);
        var userUrn = HuaweiUrns.User(user.DomainId, user.Name);
        Add(plan.BlastRadius.AffectedPrincipals, userUrn);
        var others = (await access.Iam.ListAccessKeysAsync(user.Id, ct)).Where(k => k.Access != key.Access && k.IsActive).Select(static k => k.Access).ToList();
        var deactivate = new PlanStep
        {
            StepId = StepIds.For(HuaweiSteps.DeactivateAccessKey, userUrn + "#" + key.Access),
            Action = HuaweiSteps.DeactivateAccessKey,
            Target = new ResourceRef { Arn = HuaweiUrns.AccessKey(user.DomainId, key.Access), Type = HuaweiSteps.AccessKeyType, Id = key.Access, AccountId = user.DomainId },
            Description = $"Set AK {key.Access} of IAM user {user.Name} inactive (IAM v3.0 UpdateCredential): every call signed with it is refused; the AK stays, as evidence, and can be set active again."
                + (others.Count > 0 ? $" The user's other active AK(s) {string.Join(", ", others)} keep working." : string.Empty),
            Reversible = true,
            Status = StepStatus.Planned,
            AccessKeyId = key.Access,
            ParametersJson = HuaweiSteps.Parameters(user.Id, key.Access),
        };
        if (!key.IsActive)
        {
            deactivate.Description = $"AK {key.Access} of IAM user {user.Name} is already inactive: the step finds it so and records it.";
        }

        steps.Add(deactivate);
        if (others.Count > 0)
        {
            Add(plan.BlastRadius.Warnings, $"IAM user {user.Name} has other active AK(s) ({string.Join(", ", others)}): {(denyAll ? "disabling the user stops them too" : "they keep working unless the user is disabled (deny-all)")}.");
        }

        if (denyAll)
        {
            var disable = DisableUserStep(plan, user, key.Access,
                $"Disable IAM user {user.Name} (IAM v3.0 UpdateUser enabled=false): none of its AKs and no console sign-in work any more, for the actor and for every legitimate use of the user.");
            disable.DependsOn.Add(deactivate.StepId);
            steps.Add(disable);
        }
    }

    private static PlanStep DisableUserStep(Plan plan, IamUser user, string? accessKeyId, string description)
    {
        var urn = HuaweiUrns.User(user.DomainId, user.Name);
        Add(plan.BlastRadius.AffectedPrincipals, urn);
        Add(plan.BlastRadius.Warnings, $"Disabling IAM user {user.Name} stops everything that signs in as it (pipelines, people).");
        return new PlanStep
        {
            StepId = StepIds.For(HuaweiSteps.DisableUser, urn),
            Action = HuaweiSteps.DisableUser,
            Target = new ResourceRef { Arn = urn, Type = HuaweiSteps.UserType, Id = user.Id, AccountId = user.DomainId },
            Description = description,
            Reversible = true,
            Status = StepStatus.Planned,
            AccessKeyId = accessKeyId ?? string.Empty,
            ParametersJson = HuaweiSteps.Parameters(user.Id, null),
        };
    }

    /// <summary>The user whose AK obtained a temporary AK (the provenance the scan recorded), or null.</summary>
    private async Task<IamUser?> IssuerAsync(Credential session, CancellationToken ct)
    {
        if (session.Provenance?.DerivedFromAccessKeyId is not { Length: > 0 } parent)
        {
            return null;
        }

        try
        {
            return await access.Iam.GetUserAsync((await access.Iam.GetAccessKeyAsync(parent, ct)).UserId, ct);
        }
        catch (HuaweiCloudException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static void Add(Google.Protobuf.Collections.RepeatedField<string> list, string text)
    {
        if (!list.Contains(text))
        {
            list.Add(text);
        }
    }
}
