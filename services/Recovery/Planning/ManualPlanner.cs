using CredIr.Contracts.V1;

namespace CredIr.Recovery.Planning;

/// <summary>Changes nothing automated restores: a person's task with the exact steps.</summary>
internal static class ManualPlanner
{
    public static StrategyChoices Attachment(ActorChange change)
    {
        var kind = change.Resource.Type switch { "AWS::IAM::Role" => "role", "AWS::IAM::Group" => "group", _ => "user" };
        var attached = change.Events[^1].EventName.StartsWith("Attach", StringComparison.Ordinal);
        var verb = attached ? "detach" : "attach";
        var why = attached ? $"the actor attached {change.Detail} to existing {kind} {change.Resource.Id}" : $"the actor detached {change.Detail} from {kind} {change.Resource.Id}";
        return new StrategyChoices()
            .Missing(RecoveryStrategy.RestoreFromBackup, "policy attachments are restored by a person after checking the CMDB record")
            .Offer(new StrategyOption(RecoveryStrategy.Manual, $"Undo the change: {why}.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"{(attached ? "Detach" : "Re-attach")} {change.Detail} {(attached ? "from" : "to")} {change.Resource.Id}",
                    $"Confirm with the owner of {change.Resource.Id} that {change.Detail} {(attached ? "is not" : "is")} meant to be attached.",
                    $"aws iam {verb}-{kind}-policy --{kind}-name {change.Resource.Id} --policy-arn {change.Detail}").Steps));
    }

    public static StrategyChoices Other(ActorChange change)
    {
        var what = change.Change == ResourceChange.Deleted ? "deleted" : "modified";
        var events = string.Join(", ", change.Events.Select(e => $"{e.EventName} ({e.EventId}, {e.Time:u})"));
        var name = string.IsNullOrEmpty(change.Resource.Arn) ? change.Resource.Id : change.Resource.Arn;
        return new StrategyChoices()
            .Missing(RecoveryStrategy.RestoreFromBackup, $"no automated restore is known for {change.Resource.Type}")
            .Missing(RecoveryStrategy.RecreateFromCmdb, $"no automated recreation is known for {change.Resource.Type}")
            .Offer(new StrategyOption(RecoveryStrategy.Manual, $"The actor {what} {change.Resource.Type} {name}; no automated recovery is known for this type.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"Recover {change.Resource.Type} {name} by hand",
                    $"Read what the actor did in CloudTrail: {events}.",
                    $"Find the application it belongs to (CMDB, its tags, AWS Config history) and its known-good configuration.",
                    change.Change == ResourceChange.Deleted
                        ? "Restore it from a backup if one exists; otherwise recreate it from the recorded configuration and configure it back into the application."
                        : "Restore the changed settings from the recorded configuration, or replace the resource and isolate this one for forensics.",
                    "Record the result in the CMDB.").Steps));
    }
}
