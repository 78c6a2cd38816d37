namespace CredIr.Playbook.Classification;

/// <summary>What the rules said about one record: the union of categories and the rules that matched.</summary>
public sealed record EventClassification(EventCategories Categories, IReadOnlyList<string> MatchedRules)
{
    public static EventClassification Unclassified { get; } = new(EventCategories.None, []);
}
