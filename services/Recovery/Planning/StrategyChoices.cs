using CredIr.Contracts.V1;

namespace CredIr.Recovery.Planning;

/// <summary>
/// What the lookups found for one item: the strategies possible, best first (MANUAL is always possible), and for
/// the others what is missing, which is what a refused override tells the responder.
/// </summary>
internal sealed class StrategyChoices
{
    private readonly List<StrategyOption> _options = [];
    private readonly Dictionary<RecoveryStrategy, string> _missing = [];

    public IReadOnlyList<StrategyOption> Options => _options;

    public StrategyChoices Offer(StrategyOption option)
    {
        if (!_options.Exists(o => o.Strategy == option.Strategy))
        {
            _options.Add(option);
            _missing.Remove(option.Strategy);
        }

        return this;
    }

    public StrategyChoices Missing(RecoveryStrategy strategy, string why)
    {
        if (!_options.Exists(o => o.Strategy == strategy))
        {
            _missing[strategy] = why;
        }

        return this;
    }

    public StrategyOption? Find(RecoveryStrategy strategy) => _options.Find(o => o.Strategy == strategy);

    public string WhyNot(RecoveryStrategy strategy) =>
        _missing.TryGetValue(strategy, out var why) ? why : $"{strategy.ToWireName()} does not apply to this kind of resource";
}
