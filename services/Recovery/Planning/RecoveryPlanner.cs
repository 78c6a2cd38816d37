using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Playbook.Trail;
using CredIr.Recovery.Cmdb;

namespace CredIr.Recovery.Planning;

/// <summary>
/// Playbook Part 4: a recovery item per part of an existing resource the actor modified or deleted, with the
/// strategy the lookups support (best first) or the one the responder asked for. An override whose prerequisite
/// is missing is refused with what is missing, before anything is returned.
/// </summary>
internal sealed class RecoveryPlanner(ChangeFinder finder, IamPolicyPlanner policies, StoragePlanner storage, InstancePlanner instances)
{
    public async Task<IReadOnlyList<RecoveryItem>> PlanAsync(
        IReadOnlyList<CloudTrailRecord> records, IReadOnlyDictionary<string, RecoveryStrategy> overrides, CmdbSnapshot cmdb, Func<string, bool> inScope, CancellationToken cancellationToken)
    {
        var items = new List<RecoveryItem>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in finder.Find(records).Where(c => inScope(c.Resource.AccountId)))
        {
            var choices = await ChooseAsync(change, cmdb, cancellationToken).ConfigureAwait(false);
            if (choices.Options.Count == 0)
            {
                continue;
            }

            var wanted = Override(change, overrides, used);
            var option = wanted is { } strategy
                ? choices.Find(strategy) ?? (strategy == RecoveryStrategy.Manual ? AsManual(change, choices.Options[0]) : null) ?? throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"strategy_overrides[{Label(change)}]: {strategy.ToWireName()} cannot be used because {choices.WhyNot(strategy)}; possible: {string.Join(", ", choices.Options.Select(o => o.Strategy.ToWireName()))}"))
                : choices.Options[0];
            items.Add(ToItem(change, option, overridden: wanted is not null));
        }

        var unknown = overrides.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"strategy_overrides: no recovery item has the ARN or id {string.Join(", ", unknown)}; items: {string.Join(", ", items.Select(i => i.ItemId))}"));
        }

        return items;
    }

    private Task<StrategyChoices> ChooseAsync(ActorChange change, CmdbSnapshot cmdb, CancellationToken cancellationToken) => change.Aspect switch
    {
        Aspect.PolicyDefault => policies.PolicyDefaultAsync(change, cmdb, cancellationToken),
        Aspect.TrustPolicy => Task.FromResult(IamPolicyPlanner.TrustPolicy(change, cmdb)),
        Aspect.InlinePolicy => Task.FromResult(IamPolicyPlanner.InlinePolicy(change, cmdb)),
        Aspect.Principal => Task.FromResult(PrincipalPlanner.Choose(change, cmdb)),
        Aspect.Object => storage.ObjectAsync(change, cmdb, cancellationToken),
        Aspect.Bucket => Task.FromResult(StoragePlanner.Bucket(change, cmdb)),
        Aspect.Instance => instances.ChooseAsync(change, cancellationToken),
        Aspect.Attachment => Task.FromResult(ManualPlanner.Attachment(change)),
        _ => Task.FromResult(ManualPlanner.Other(change)),
    };

    // Keys match the item id, the resource ARN or the resource id, so a responder can name what they see.
    private static RecoveryStrategy? Override(ActorChange change, IReadOnlyDictionary<string, RecoveryStrategy> overrides, HashSet<string> used)
    {
        foreach (var key in new[] { change.ItemId, change.Resource.Arn, change.Resource.Id })
        {
            if (!string.IsNullOrEmpty(key) && overrides.TryGetValue(key, out var strategy))
            {
                used.Add(key);
                return strategy;
            }
        }

        return null;
    }

    // A person can always do by hand what an automated strategy would: its steps become the instructions.
    private static StrategyOption AsManual(ActorChange change, StrategyOption automated) => new(RecoveryStrategy.Manual,
        $"A person carries out the {automated.Strategy.ToWireName()} steps by hand. {automated.Rationale}", automated.BackupReference,
        new StepBuilder(change.ItemId, change.Resource).Manual($"Recover {Label(change)} by hand",
            [.. automated.Steps.Select(s => s.Action == RecoveryActions.Manual ? s.Description : $"{s.Description}: {s.Action} {s.ParametersJson}")]).Steps);

    private static string Label(ActorChange change) => string.IsNullOrEmpty(change.Resource.Arn) ? change.ItemId : change.Resource.Arn;

    private static RecoveryItem ToItem(ActorChange change, StrategyOption option, bool overridden)
    {
        var item = new RecoveryItem
        {
            ItemId = change.ItemId,
            Resource = change.Resource,
            Change = change.Change,
            Strategy = option.Strategy,
            Rationale = overridden ? $"Strategy chosen by the responder. {option.Rationale}" : option.Rationale,
            BackupReference = option.BackupReference ?? "",
            Status = StepStatus.Planned,
            StrategyOverridden = overridden,
        };
        item.Steps.Add(option.Steps);
        item.EventIds.Add(change.Events.Select(e => e.EventId).Distinct(StringComparer.Ordinal));
        return item;
    }
}
