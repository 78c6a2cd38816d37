namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioAccessKey
{
    public string? Id { get; init; }
    public string? Secret { get; init; }
    public string Status { get; init; } = "Active";
    public string Created { get; init; } = "-30d";
}
