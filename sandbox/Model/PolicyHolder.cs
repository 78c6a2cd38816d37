namespace CredIr.Sandbox.Model;

/// <summary>What users, groups and roles share: inline policies, attached managed policies and tags.</summary>
internal abstract class PolicyHolder(string name, string id, string arn, string path, DateTimeOffset created)
{
    public string Name { get; } = name;
    public string Id { get; } = id;
    public string Arn { get; } = arn;
    public string Path { get; } = path;
    public DateTimeOffset Created { get; } = created;
    public Dictionary<string, string> InlinePolicies { get; } = new(StringComparer.Ordinal);
    public List<string> AttachedPolicyArns { get; } = [];
    /// <summary>Tags in the order set; IAM compares tag keys ignoring case and keeps the case first given.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.OrdinalIgnoreCase);
}
