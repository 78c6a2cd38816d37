using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

/// <summary>A GuardDuty detector and its findings, each in GuardDuty's GetFindings JSON shape.</summary>
public sealed record ScenarioGuardDuty
{
    public string? Account { get; init; }
    /// <summary>The detector's region; the partition's home region (us-east-1 in aws) when unset.</summary>
    public string? Region { get; init; }
    public string? DetectorId { get; init; }
    public IReadOnlyList<JsonObject> Findings { get; init; } = [];
}
