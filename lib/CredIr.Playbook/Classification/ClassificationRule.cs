namespace CredIr.Playbook.Classification;

/// <summary>
/// One row of the rules table: when a record's eventSource and eventName match (and the optional
/// condition holds), it gets <see cref="Categories"/> and the rule's <see cref="Name"/> is reported.
/// </summary>
public sealed record ClassificationRule(
    string Name,
    string Source,
    string EventName,
    EventCategories Categories,
    RuleCondition? Condition = null)
{
    public WildcardPattern SourcePattern { get; } = new(Source);

    public WildcardPattern EventNamePattern { get; } = new(EventName);
}
