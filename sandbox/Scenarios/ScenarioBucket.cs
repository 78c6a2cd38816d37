namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioBucket
{
    public string Name { get; init; } = "";
    public string? Account { get; init; }
    public string Region { get; init; } = "us-east-1";
    public bool Versioning { get; init; }
    /// <summary>Object key to text content.</summary>
    public IReadOnlyDictionary<string, string> Objects { get; init; } = new Dictionary<string, string>();
}
