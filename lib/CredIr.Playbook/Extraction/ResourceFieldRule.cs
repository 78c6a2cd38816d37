using CredIr.Playbook.Classification;

namespace CredIr.Playbook.Extraction;

/// <summary>
/// One row of the resource table: in records whose source and name match, the values at
/// <see cref="Path"/> (rooted at the record, "[]" walks arrays) are resources of <see cref="Type"/>.
/// </summary>
public sealed record ResourceFieldRule(string Source, string EventName, string Path, string Type, string? ApiNoun = null)
{
    public WildcardPattern SourcePattern { get; } = new(Source);

    public WildcardPattern EventNamePattern { get; } = new(EventName);

    /// <summary>The noun APIs use for it ("AccessKey" for AWS::IAM::AccessKey), matched against the API name.</summary>
    public string Noun { get; } = ApiNoun ?? Type[(Type.LastIndexOf(':') + 1)..];

    public bool FromResponse { get; } = Path.StartsWith("responseElements.", StringComparison.Ordinal);

    /// <summary>The path split once, so extraction does not split it per record.</summary>
    public string[] Segments { get; } = Path.Split('.');
}
