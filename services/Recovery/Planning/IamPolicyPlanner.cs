using System.Text.Json.Nodes;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Playbook.Trail;
using CredIr.Recovery.Cloud;
using CredIr.Recovery.Cmdb;

namespace CredIr.Recovery.Planning;

/// <summary>
/// Policy documents the actor changed: a managed policy's default version (restored from the version that was the
/// default before the actor's first change, found with ListPolicyVersions), a role's trust policy and an inline
/// policy (restored from the document the CMDB recorded: AWS keeps no history of either).
/// </summary>
internal sealed class IamPolicyPlanner(IAccountClients clients)
{
    public async Task<StrategyChoices> PolicyDefaultAsync(ActorChange change, CmdbSnapshot cmdb, CancellationToken cancellationToken)
    {
        var choices = new StrategyChoices();
        var arn = change.Resource.Arn;
        var iam = (await clients.ForAccountAsync(change.Resource.AccountId, null, cancellationToken).ConfigureAwait(false)).Iam;
        var actorVersions = change.Events.Where(e => e.EventName == "CreatePolicyVersion")
            .Select(e => e.Record.ResponseElements is { } r && JsonFields.ObjectAt(r, "policyVersion") is { } v ? JsonFields.StringAt(v, "versionId") : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        var firstChange = change.Events[0].Time;
        var versions = new List<IamPolicyVersion>();
        await foreach (var version in iam.ListPolicyVersionsAsync(new ListPolicyVersionsRequest(arn), cancellationToken).ConfigureAwait(false))
        {
            versions.Add(version);
        }

        var recorded = cmdb.Find(arn)?.Text("defaultVersionId");
        var previous = recorded is not null
            ? versions.Find(v => v.VersionId == recorded)
            : versions.Where(v => !actorVersions.Contains(v.VersionId) && (v.CreateDate is null || v.CreateDate <= firstChange))
                .OrderByDescending(v => v.CreateDate).ThenByDescending(v => VersionNumber(v.VersionId)).FirstOrDefault();
        if (previous is null)
        {
            var why = recorded is not null
                ? $"the CMDB records {recorded} as the default version of {arn}, but that version no longer exists"
                : $"{arn} has no version older than the actor's first change ({firstChange:u}) that the actor did not create";
            return choices.Missing(RecoveryStrategy.RestoreFromBackup, why).Offer(ManualPolicy(change, why));
        }

        var current = versions.Find(v => v.IsDefaultVersion)?.VersionId ?? "none";
        var basis = recorded is not null
            ? $"the CMDB record of {arn} names {previous.VersionId} as its default version"
            : $"{previous.VersionId} is the newest version the actor did not create, made before its first change at {firstChange:u}";
        var steps = new StepBuilder(change.ItemId, change.Resource)
            .Add(RecoveryActions.SetDefaultPolicyVersion, $"Make {previous.VersionId} the default version of {arn} again (now {current}); the actor's versions stay for forensics",
                new JsonObject { ["policyArn"] = arn, ["versionId"] = previous.VersionId, ["replacedVersionId"] = current });
        return choices.Offer(new StrategyOption(RecoveryStrategy.RestoreFromBackup,
            $"Restore the previous default version: {basis}; the actor's calls: {string.Join(", ", change.EventNames)}; default now {current}.",
            previous.VersionId, steps.Steps));
    }

    public static StrategyChoices TrustPolicy(ActorChange change, CmdbSnapshot cmdb)
    {
        var choices = new StrategyChoices();
        var role = change.Resource.Id;
        if (cmdb.Find(change.Resource.Arn)?.Document("assumeRolePolicyDocument") is not { } document)
        {
            var why = $"the CMDB has no assumeRolePolicyDocument for {change.Resource.Arn}, and AWS keeps no earlier trust policy";
            return choices.Missing(RecoveryStrategy.RestoreFromBackup, why).Offer(new StrategyOption(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"Restore the trust policy of role {role} by hand",
                    $"Read the actor's document in CloudTrail event(s) {string.Join(", ", change.Events.Select(e => e.EventId))} and find who it lets assume the role.",
                    "Get the intended trust policy from the application owner or your infrastructure code.",
                    $"aws iam update-assume-role-policy --role-name {role} --policy-document file://trust-policy.json",
                    $"Add the document to the CMDB under resources[\"{change.Resource.Arn}\"].assumeRolePolicyDocument.").Steps));
        }

        var steps = new StepBuilder(change.ItemId, change.Resource)
            .Add(RecoveryActions.UpdateAssumeRolePolicy, $"Put back the trust policy of role {role} the CMDB records (the actor replaced it)",
                new JsonObject { ["roleName"] = role, ["document"] = document });
        return choices.Offer(new StrategyOption(RecoveryStrategy.RestoreFromBackup,
            $"Restore the trust policy from the CMDB record of {change.Resource.Arn} (assumeRolePolicyDocument); the actor called {string.Join(", ", change.EventNames)}.",
            $"cmdb:{change.Resource.Arn}#assumeRolePolicyDocument", steps.Steps));
    }

    public static StrategyChoices InlinePolicy(ActorChange change, CmdbSnapshot cmdb)
    {
        var choices = new StrategyChoices();
        var isRole = change.OwnerKind == "AWS::IAM::Role";
        var name = change.Detail!;
        var document = cmdb.Find(change.Resource.Arn)?.Map("inlinePolicies").GetValueOrDefault(name);
        var strategy = change.Change == ResourceChange.Deleted ? RecoveryStrategy.RecreateFromCmdb : RecoveryStrategy.RestoreFromBackup;
        if (document is null)
        {
            var why = $"the CMDB record of {change.Resource.Arn} has no inline policy '{name}'";
            if (change.Change == ResourceChange.Modified)
            {
                // Put*Policy of a name the CMDB does not know: most likely the actor's own new policy, eradication's to delete.
                return choices;
            }

            var command = isRole ? "put-role-policy --role-name" : "put-user-policy --user-name";
            return choices.Missing(strategy, why).Offer(new StrategyOption(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"Recreate inline policy {name} of {change.Owner} by hand",
                    "Get the policy document from your infrastructure code or the application owner.",
                    $"aws iam {command} {change.Owner} --policy-name {name} --policy-document file://policy.json").Steps));
        }

        var steps = new StepBuilder(change.ItemId, change.Resource)
            .Add(isRole ? RecoveryActions.PutRolePolicy : RecoveryActions.PutUserPolicy,
                $"Put inline policy {name} of {change.Owner} back as the CMDB records it",
                new JsonObject { ["ownerName"] = change.Owner, ["policyName"] = name, ["document"] = document });
        var verb = change.Change == ResourceChange.Deleted ? "Recreate the deleted" : "Restore the overwritten";
        return choices.Offer(new StrategyOption(strategy,
            $"{verb} inline policy '{name}' from the CMDB record of {change.Resource.Arn} (inlinePolicies.{name}); the actor called {string.Join(", ", change.EventNames)}.",
            $"cmdb:{change.Resource.Arn}#inlinePolicies.{name}", steps.Steps));
    }

    private static StrategyOption ManualPolicy(ActorChange change, string why) => new(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
        new StepBuilder(change.ItemId, change.Resource).Manual($"Restore managed policy {change.Resource.Arn} by hand",
            $"aws iam list-policy-versions --policy-arn {change.Resource.Arn}",
            "Choose the version the application needs (ask the application owner), or write the intended document.",
            $"aws iam create-policy-version --policy-arn {change.Resource.Arn} --policy-document file://policy.json --set-as-default",
            "Delete the actor's versions once forensics no longer needs them: aws iam delete-policy-version.").Steps);

    private static int VersionNumber(string versionId) =>
        int.TryParse(versionId.AsSpan(1), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
