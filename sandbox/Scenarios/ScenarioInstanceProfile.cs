namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioInstanceProfile
{
    public string Name { get; init; } = "";
    public string? Account { get; init; }
    public string Role { get; init; } = "";
}
