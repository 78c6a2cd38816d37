using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Classification;

/// <summary>Applies a rules table to records. Thread-safe; the table is read-only.</summary>
public sealed class EventClassifier(IReadOnlyList<ClassificationRule> rules)
{
    public EventClassifier()
        : this([.. DefaultRules.All, .. HuaweiCloud.HuaweiRules.All])
    {
    }

    public IReadOnlyList<ClassificationRule> Rules { get; } = rules;

    public EventClassification Classify(CloudTrailRecord record, ClassificationContext? context = null)
    {
        context ??= EmptyContext;
        var categories = EventCategories.None;
        List<string>? matched = null;
        foreach (var rule in Rules)
        {
            if (!rule.EventNamePattern.IsMatch(record.EventName)
                || !rule.SourcePattern.IsMatch(record.EventSource)
                || (rule.Condition is { } condition && !condition.IsMet(record, context)))
            {
                continue;
            }

            categories |= rule.Categories;
            (matched ??= []).Add(rule.Name);
        }

        return matched is null ? EventClassification.Unclassified : new EventClassification(categories, matched);
    }

    private static readonly ClassificationContext EmptyContext = new();
}
