using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Recovery.Cmdb;

namespace CredIr.Recovery.Planning;

/// <summary>
/// A deleted IAM user or role (Part 4, step 2.3): recreated from the CMDB's recorded configuration with its trust
/// policy, managed and inline policies and groups. Credentials are never recreated (a new key or password is
/// issued by its owner, not restored); tags and the permissions boundary are set as recorded.
/// </summary>
internal static class PrincipalPlanner
{
    public static StrategyChoices Choose(ActorChange change, CmdbSnapshot cmdb)
    {
        var choices = new StrategyChoices();
        var isRole = change.Resource.Type == "AWS::IAM::Role";
        var name = change.Resource.Id;
        var record = cmdb.Find(change.Resource.Arn);
        var trust = record?.Document("assumeRolePolicyDocument");
        if (record is null || (isRole && trust is null))
        {
            var why = record is null
                ? $"the CMDB has no record of {change.Resource.Arn}"
                : $"the CMDB record of {change.Resource.Arn} has no assumeRolePolicyDocument, which a role cannot be created without";
            return choices.Missing(RecoveryStrategy.RecreateFromCmdb, why).Offer(new StrategyOption(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"Recreate {(isRole ? "role" : "user")} {name} by hand",
                    $"Find its configuration in your infrastructure code or AWS Config (ConfigurationItem of {change.Resource.Arn} before {change.Events[^1].Time:u}).",
                    isRole ? $"aws iam create-role --role-name {name} --assume-role-policy-document file://trust.json" : $"aws iam create-user --user-name {name}",
                    "Attach its managed policies, put its inline policies and add it to its groups as recorded.",
                    "Issue new credentials through the owner's usual process; never reuse the old ones.",
                    $"Record the configuration in the CMDB under resources[\"{change.Resource.Arn}\"].").Steps));
        }

        var steps = new StepBuilder(change.ItemId, change.Resource);
        var path = record.Text("path") ?? "/";
        if (isRole)
        {
            steps.Add(RecoveryActions.CreateRole, $"Create role {name} with the trust policy the CMDB records", new JsonObject
            {
                ["roleName"] = name, ["path"] = path, ["document"] = trust, ["description"] = record.Text("description"), ["maxSessionDuration"] = record.Number("maxSessionDuration"),
            });
        }
        else
        {
            steps.Add(RecoveryActions.CreateUser, $"Create user {name} (path {path})", new JsonObject { ["userName"] = name, ["path"] = path });
        }

        foreach (var policyArn in record.Strings("managedPolicyArns"))
        {
            steps.Add(isRole ? RecoveryActions.AttachRolePolicy : RecoveryActions.AttachUserPolicy, $"Attach {policyArn} to {name}",
                new JsonObject { ["ownerName"] = name, ["policyArn"] = policyArn });
        }

        foreach (var (policyName, document) in record.Map("inlinePolicies"))
        {
            steps.Add(isRole ? RecoveryActions.PutRolePolicy : RecoveryActions.PutUserPolicy, $"Put inline policy {policyName} on {name}",
                new JsonObject { ["ownerName"] = name, ["policyName"] = policyName, ["document"] = document });
        }

        foreach (var group in isRole ? [] : record.Strings("groups"))
        {
            steps.Add(RecoveryActions.AddUserToGroup, $"Add {name} to group {group}", new JsonObject { ["userName"] = name, ["groupName"] = group });
        }

        var tags = record.Map("tags");
        if (tags.Count > 0)
        {
            steps.Add(isRole ? RecoveryActions.TagRole : RecoveryActions.TagUser, $"Tag {name} as the CMDB records ({string.Join(", ", tags.Select(t => t.Key))})",
                new JsonObject { ["ownerName"] = name, ["tags"] = new JsonObject(tags.Select(t => new KeyValuePair<string, JsonNode?>(t.Key, t.Value))) });
        }

        if (record.Text("permissionsBoundary") is { } boundary)
        {
            steps.Add(isRole ? RecoveryActions.PutRolePermissionsBoundary : RecoveryActions.PutUserPermissionsBoundary, $"Cap {name} with permissions boundary {boundary}",
                new JsonObject { ["ownerName"] = name, ["permissionsBoundary"] = boundary });
        }

        if (!isRole)
        {
            steps.Manual($"Issue new credentials for {name} if it needs them",
                "Access keys and console passwords are never recreated from the CMDB: the old ones were deleted with the user and may be known to the actor.",
                $"Ask the owner of {name} whether it needs an access key (aws iam create-access-key --user-name {name}) or a console password (aws iam create-login-profile --user-name {name} --password-reset-required), and deliver them through the usual secret channel.");
        }

        var parts = new List<string> { $"path {path}" };
        parts.Add($"{record.Strings("managedPolicyArns").Count} managed, {record.Map("inlinePolicies").Count} inline policies");
        if (!isRole)
        {
            parts.Add($"{record.Strings("groups").Count} groups");
        }

        parts.Add($"{tags.Count} tags");
        return choices.Offer(new StrategyOption(RecoveryStrategy.RecreateFromCmdb,
            $"Recreate the deleted {(isRole ? "role" : "user")} from the CMDB record of {change.Resource.Arn} ({string.Join(", ", parts)}); keys and passwords are not recreated.",
            $"cmdb:{change.Resource.Arn}", steps.Steps));
    }
}
