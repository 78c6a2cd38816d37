namespace CredIr.Sandbox.Model;

/// <summary>What users, groups and roles share: inline policies and attached managed policies.</summary>
internal abstract class PolicyHolder(string name, string id, string arn, string path, DateTimeOffset created)
{
    public string Name { get; } = name;
    public string Id { get; } = id;
    public string Arn { get; } = arn;
    public string Path { get; } = path;
    public DateTimeOffset Created { get; } = created;
    public Dictionary<string, string> InlinePolicies { get; } = new(StringComparer.Ordinal);
    public List<string> AttachedPolicyArns { get; } = [];
    /// <summary>Users' and roles' tags, in the order set (IAM groups have none).</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    /// <summary>The managed policy capping a user's or role's permissions, or null.</summary>
    public string? PermissionsBoundary { get; set; }
}
