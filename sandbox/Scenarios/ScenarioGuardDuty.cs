using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

/// <summary>A GuardDuty detector and its findings, each in GuardDuty's GetFindings JSON shape.</summary>
public sealed record ScenarioGuardDuty
{
    public string? Account { get; init; }
    public string Region { get; init; } = "us-east-1";
    public string? DetectorId { get; init; }
    public IReadOnlyList<JsonObject> Findings { get; init; } = [];
}
