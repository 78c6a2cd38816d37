using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

/// <summary>A customer-managed policy.</summary>
public sealed record ScenarioPolicy
{
    public string Name { get; init; } = "";
    public string? Account { get; init; }
    public string Path { get; init; } = "/";
    public string? Description { get; init; }
    public JsonObject Document { get; init; } = [];
}
