using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Planning;

/// <summary>Plans the steps for a role or a session of it: the older-sessions deny, and on request deny-all and a locked trust policy.</summary>
internal static class RolePlanner
{
    public const string ServiceLinkedPath = "/aws-service-role/";

    public static async Task<IamRole?> PlanAsync(PlanBuilder plan, ContainmentTarget target, IamClient iam, ContainmentOptions options, CancellationToken ct)
    {
        var roleName = target.RoleName!;
        IamRole role;
        try
        {
            role = (await iam.GetRoleAsync(new GetRoleRequest(roleName), ct).ConfigureAwait(false)).Role;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{target.Field}: IAM role '{roleName}' does not exist in account {target.AccountId}: {e.ErrorMessage}"));
        }

        if (role.Path.StartsWith(ServiceLinkedPath, StringComparison.Ordinal))
        {
            plan.CannotRevoke(
                $"{role.Arn} is a service-linked role (path {ServiceLinkedPath}): IAM refuses inline policies and trust policy changes on it, "
                + "so its sessions cannot be revoked by policy. Contain the service that uses it instead (disable the feature or delete the role through that service), "
                + "or restrict it with a service control policy from the organization's management account.");
            return role;
        }

        if (IsInstanceSession(target))
        {
            plan.CannotRevoke(
                $"{target.AccessKeyId ?? "The session"} ({target.SessionName}) was issued to an AWS service (EC2 instance credentials): the instance fetches fresh "
                + $"credentials for role {roleName} whenever its current ones near expiry, so the older-sessions deny stops only the ones issued so far. "
                + "Revoke through the role (deny-all) or stop the instance (eradication).");
        }

        var resource = new ResourceRef { Arn = role.Arn, Type = "AWS::IAM::Role", Id = roleName, AccountId = target.AccountId };
        var parameters = new StepParameters { AccountId = target.AccountId, RoleName = roleName };
        var revoke = plan.Add(Spec(StepActions.RoleRevokeOlderSessions, resource, role, reversible: true,
            parameters with { PolicyName = PolicyDocuments.AwsRevokeOlderSessions, PolicyDocument = PolicyDocuments.RevokeOlderSessions(plan.RevokeBefore) },
            $"Add the inline policy AWSRevokeOlderSessions to role {roleName} (what the IAM console's \"Revoke active sessions\" writes): deny every action "
            + $"to sessions of the role issued before {plan.RevokeBefore:O}. Revoking the role's sessions stops every legitimate user of it too; "
            + "sessions issued afterwards work, so an actor who can still assume the role is not stopped by this alone."));
        plan.Warn($"Revoking the role's sessions stops every legitimate user of it too: every session of role {roleName} in account {target.AccountId} issued before {plan.RevokeBefore:O} is denied.");
        if (options.DenyAll)
        {
            plan.Add(Spec(StepActions.RoleDenyAll, resource, role, reversible: true,
                parameters with { PolicyName = PolicyDocuments.DenyAllPolicyName(plan.IncidentId), PolicyDocument = PolicyDocuments.DenyAll },
                $"Add inline policy {PolicyDocuments.DenyAllPolicyName(plan.IncidentId)} to role {roleName}: an explicit deny of every action for every session of the role, "
                + "new ones included. Every application using the role stops working.") with { DependsOn = [revoke] });
        }

        if (options.LockTrustPolicy)
        {
            plan.Add(Spec(StepActions.LockTrustPolicy, resource, role, reversible: true,
                parameters with { PolicyDocument = PolicyDocuments.LockedTrustPolicy },
                $"Replace the trust policy of role {roleName} with one that denies sts:AssumeRole (and the SAML and web-identity variants) to everyone: nobody can "
                + "obtain new sessions. Sessions already issued stay valid until they expire; the older-sessions deny is what stops them.") with { DependsOn = [revoke] });
        }

        return role;
    }

    private static bool IsInstanceSession(ContainmentTarget target) =>
        target.Credential.Provenance?.CreatedByEventName == "RunInstances"
        || (target.SessionName is { } s && s.StartsWith("i-", StringComparison.Ordinal) && s.Length > 2 && s[2..].All(char.IsAsciiHexDigitLower));

    private static StepSpec Spec(string action, ResourceRef resource, IamRole role, bool reversible, StepParameters parameters, string description) =>
        new(action, resource, description, reversible, parameters) { PrincipalType = "role", PrincipalName = role.RoleName, PrincipalArn = role.Arn };
}
