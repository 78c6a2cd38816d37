using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioGroup
{
    public string Name { get; init; } = "";
    public string? Account { get; init; }
    public IReadOnlyList<string> ManagedPolicies { get; init; } = [];
    public IReadOnlyDictionary<string, JsonObject> InlinePolicies { get; init; } = new Dictionary<string, JsonObject>();
}
