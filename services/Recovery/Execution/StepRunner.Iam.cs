using System.Text.Json.Nodes;
using CredIr.Aws;

namespace CredIr.Recovery.Execution;

internal sealed partial class StepRunner
{
    private static async Task<StepOutcome> SetDefaultVersionAsync(IamClient iam, StepParameters p, CancellationToken cancellationToken)
    {
        var (arn, version) = (p.Required("policyArn"), p.Required("versionId"));
        var current = (await iam.GetPolicyAsync(new GetPolicyRequest(arn), cancellationToken).ConfigureAwait(false)).Policy.DefaultVersionId;
        var prior = new JsonObject { ["defaultVersionId"] = current }.ToJsonString();
        if (current == version)
        {
            return StepOutcome.Already($"{version} is already the default version of {arn}", prior);
        }

        await iam.SetDefaultPolicyVersionAsync(new SetDefaultPolicyVersionRequest(arn, version), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"{version} is the default version of {arn} again (was {current})", prior);
    }

    private static async Task<StepOutcome> UpdateTrustAsync(IamClient iam, StepParameters p, CancellationToken cancellationToken)
    {
        var (role, document) = (p.Required("roleName"), p.Required("document"));
        var current = (await iam.GetRoleAsync(new GetRoleRequest(role), cancellationToken).ConfigureAwait(false)).Role.AssumeRolePolicyDocument;
        var prior = new JsonObject { ["assumeRolePolicyDocument"] = current }.ToJsonString();
        if (PolicyDocuments.SameAs(current, document))
        {
            return StepOutcome.Already($"the trust policy of {role} already is the recorded one", prior);
        }

        await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest(role, document), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"the trust policy of {role} is the recorded one again", prior);
    }

    private static async Task<StepOutcome> PutInlineAsync(IamClient iam, bool role, StepParameters p, CancellationToken cancellationToken)
    {
        var (owner, name, document) = (p.Required("ownerName"), p.Required("policyName"), p.Required("document"));
        string? current = null;
        try
        {
            current = role
                ? (await iam.GetRolePolicyAsync(new GetRolePolicyRequest(owner, name), cancellationToken).ConfigureAwait(false)).PolicyDocument
                : (await iam.GetUserPolicyAsync(new GetUserPolicyRequest(owner, name), cancellationToken).ConfigureAwait(false)).PolicyDocument;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            current = null;
        }

        var prior = new JsonObject { ["policyDocument"] = current }.ToJsonString();
        if (PolicyDocuments.SameAs(current, document))
        {
            return StepOutcome.Already($"inline policy {name} of {owner} already is the recorded one", prior);
        }

        if (role)
        {
            await iam.PutRolePolicyAsync(new PutRolePolicyRequest(owner, name, document), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await iam.PutUserPolicyAsync(new PutUserPolicyRequest(owner, name, document), cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done($"inline policy {name} of {owner} {(current is null ? "recreated" : "restored")}", prior);
    }

    private static async Task<StepOutcome> CreateUserAsync(IamClient iam, StepParameters p, CancellationToken cancellationToken)
    {
        var name = p.Required("userName");
        try
        {
            var existing = (await iam.GetUserAsync(new GetUserRequest(name), cancellationToken).ConfigureAwait(false)).User;
            return StepOutcome.Already($"user {name} exists ({existing.Arn})");
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            var created = (await iam.CreateUserAsync(new CreateUserRequest(name, p.Optional("path")), cancellationToken).ConfigureAwait(false)).User;
            return StepOutcome.Done($"user {name} created ({created.Arn})", """{"exists":false}""");
        }
    }

    private static async Task<StepOutcome> CreateRoleAsync(IamClient iam, StepParameters p, CancellationToken cancellationToken)
    {
        var name = p.Required("roleName");
        var document = p.Required("document");
        try
        {
            var existing = (await iam.GetRoleAsync(new GetRoleRequest(name), cancellationToken).ConfigureAwait(false)).Role;
            if (!PolicyDocuments.SameAs(existing.AssumeRolePolicyDocument, document))
            {
                await iam.UpdateAssumeRolePolicyAsync(new UpdateAssumeRolePolicyRequest(name, document), cancellationToken).ConfigureAwait(false);
                return StepOutcome.Done($"role {name} existed with another trust policy: the recorded one is set");
            }

            return StepOutcome.Already($"role {name} exists ({existing.Arn})");
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            var request = new CreateRoleRequest(name, document) { Path = p.Optional("path"), Description = p.Optional("description"), MaxSessionDuration = p.Int("maxSessionDuration") };
            var created = (await iam.CreateRoleAsync(request, cancellationToken).ConfigureAwait(false)).Role;
            return StepOutcome.Done($"role {name} created ({created.Arn})", """{"exists":false}""");
        }
    }

    private static async Task<StepOutcome> AttachAsync(IamClient iam, bool role, StepParameters p, CancellationToken cancellationToken)
    {
        var (owner, policyArn) = (p.Required("ownerName"), p.Required("policyArn"));
        var attached = role
            ? iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(owner), cancellationToken)
            : iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest(owner), cancellationToken);
        await foreach (var policy in attached.ConfigureAwait(false))
        {
            if (policy.PolicyArn == policyArn)
            {
                return StepOutcome.Already($"{policyArn} is attached to {owner}");
            }
        }

        if (role)
        {
            await iam.AttachRolePolicyAsync(new AttachRolePolicyRequest(owner, policyArn), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await iam.AttachUserPolicyAsync(new AttachUserPolicyRequest(owner, policyArn), cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done($"{policyArn} attached to {owner}");
    }

    private static async Task<StepOutcome> AddToGroupAsync(IamClient iam, StepParameters p, CancellationToken cancellationToken)
    {
        var (user, group) = (p.Required("userName"), p.Required("groupName"));
        await foreach (var member in iam.ListGroupsForUserAsync(new ListGroupsForUserRequest(user), cancellationToken).ConfigureAwait(false))
        {
            if (member.GroupName == group)
            {
                return StepOutcome.Already($"{user} is in group {group}");
            }
        }

        await iam.AddUserToGroupAsync(new AddUserToGroupRequest(group, user), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"{user} added to group {group}");
    }
}
