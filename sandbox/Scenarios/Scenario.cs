using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Scenarios;

/// <summary>A game-day scenario: an organization, its principals and resources, and the steps that make its history.</summary>
public sealed record Scenario
{
    public string Name { get; init; } = "scenario";
    public string? Description { get; init; }
    /// <summary>Seeds the ids the sandbox makes (keys, request ids...), so a scenario replays identically.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>
    /// The AWS partition of the organization: aws (default), aws-us-gov or aws-cn. Every ARN carries it,
    /// global services' events are recorded in its home region, and regions default to its own.
    /// </summary>
    public string Partition { get; init; } = "aws";
    public IReadOnlyList<string>? Regions { get; init; }
    public ScenarioOptions Options { get; init; } = new();
    public ScenarioOrganization? Organization { get; init; }
    public IReadOnlyList<ScenarioPrincipal> Principals { get; init; } = [];
    public IReadOnlyList<ScenarioGroup> Groups { get; init; } = [];
    public IReadOnlyList<ScenarioPolicy> Policies { get; init; } = [];
    public ScenarioResources Resources { get; init; } = new();
    public IReadOnlyList<ScenarioImport> Imports { get; init; } = [];
    public IReadOnlyList<ScenarioStep> Steps { get; init; } = [];
    /// <summary>What a responder should find: free-form, for tests and humans (see sandbox/README.md).</summary>
    public JsonObject? GroundTruth { get; init; }
}
