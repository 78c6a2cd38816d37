namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioResources
{
    public IReadOnlyList<ScenarioBucket> Buckets { get; init; } = [];
    public IReadOnlyList<ScenarioInstanceProfile> InstanceProfiles { get; init; } = [];
    public IReadOnlyList<ScenarioGuardDuty> GuardDuty { get; init; } = [];
}
