using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Model;

namespace CredIr.Sandbox.Services.Iam;

/// <summary>IAM mutations shared by the IAM API and scenario seeding. Callers hold the state lock.</summary>
internal static class IamStore
{
    public static IamUser AddUser(SandboxState state, Account account, string name, string path = "/")
    {
        if (account.Users.ContainsKey(name))
        {
            throw IamErrors.Exists("User", name);
        }

        var user = new IamUser(name, state.Ids.UniqueId("AIDA"), $"arn:{account.Partition}:iam::{account.Id}:user{path}{name}", path, state.Clock.GetUtcNow());
        account.Users[name] = user;
        return user;
    }

    public static AccessKey AddKey(SandboxState state, Account account, IamUser user, string? id = null, string? secret = null)
    {
        if (user.AccessKeys.Count(k => !k.Deleted) >= 2)
        {
            throw new Protocols.AwsServiceException("LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2", 409);
        }

        var key = new AccessKey(id ?? state.Ids.AccessKeyId("AKIA"), secret ?? state.Ids.Secret(), user.Name, state.Clock.GetUtcNow());
        user.AccessKeys.Add(key);
        state.Keys[key.Id] = (account, key);
        return key;
    }

    public static IamRole AddRole(SandboxState state, Account account, string name, string trustPolicy, string path = "/", string? description = null, int maxSession = 3600)
    {
        if (account.Roles.ContainsKey(name))
        {
            throw IamErrors.Exists("Role", name);
        }

        CheckPolicy(trustPolicy, PolicyDocumentKind.Trust);
        var role = new IamRole(name, state.Ids.UniqueId("AROA"), $"arn:{account.Partition}:iam::{account.Id}:role{path}{name}", path, state.Clock.GetUtcNow())
        {
            TrustPolicy = trustPolicy,
            Description = description,
            MaxSessionDuration = maxSession,
        };
        account.Roles[name] = role;
        return role;
    }

    public static IamGroup AddGroup(SandboxState state, Account account, string name, string path = "/")
    {
        if (account.Groups.ContainsKey(name))
        {
            throw IamErrors.Exists("Group", name);
        }

        var group = new IamGroup(name, state.Ids.UniqueId("AGPA"), $"arn:{account.Partition}:iam::{account.Id}:group{path}{name}", path, state.Clock.GetUtcNow());
        account.Groups[name] = group;
        return group;
    }

    public static ManagedPolicy AddPolicy(SandboxState state, string ownerAccountId, string name, string document, string path = "/", string? description = null)
    {
        CheckPolicy(document);
        var now = state.Clock.GetUtcNow();
        var arn = $"arn:{state.Partition.Name}:iam::{ownerAccountId}:policy{path}{name}";
        var policy = new ManagedPolicy(name, state.Ids.UniqueId("ANPA"), arn, path, now) { Description = description };
        policy.Versions.Add(new PolicyVersion("v1", document, now) { IsDefault = true });
        policy.NextVersion = 2;
        return policy;
    }

    public static void Attach(SandboxState state, Account account, PolicyHolder holder, string policyArn)
    {
        var policy = state.FindPolicy(account, policyArn)
            ?? throw new Protocols.AwsServiceException("NoSuchEntity", $"Policy {policyArn} does not exist or is not attachable.", 404);
        if (!holder.AttachedPolicyArns.Contains(policyArn))
        {
            holder.AttachedPolicyArns.Add(policyArn);
            policy.AttachmentCount++;
        }
    }

    public static void CheckPolicy(string document, PolicyDocumentKind kind = PolicyDocumentKind.Identity)
    {
        try
        {
            PolicyDocument.Parse(document, kind);
        }
        catch (MalformedPolicyDocumentException e)
        {
            throw IamErrors.Malformed(e.Message);
        }
    }
}
