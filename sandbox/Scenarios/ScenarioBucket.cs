namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioBucket
{
    public string Name { get; init; } = "";
    public string? Account { get; init; }
    /// <summary>The bucket's region; the partition's home region (us-east-1 in aws) when unset.</summary>
    public string? Region { get; init; }
    public bool Versioning { get; init; }
    /// <summary>Object key to text content.</summary>
    public IReadOnlyDictionary<string, string> Objects { get; init; } = new Dictionary<string, string>();
}
