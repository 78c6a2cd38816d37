namespace CredIr.Playbook.Classification;

/// <summary>What the rules said about one record: the union of categories and the rules that matched.</summary>
public sealed record Classification(EventCategories Categories, IReadOnlyList<string> MatchedRules)
{
    public static Classification Unclassified { get; } = new(EventCategories.None, []);
}
