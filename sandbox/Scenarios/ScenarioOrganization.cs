namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioOrganization
{
    public string Id { get; init; } = "o-sandbox0001";
    /// <summary>Accounts; the one marked management (else the first) is the management account.</summary>
    public IReadOnlyList<ScenarioAccount> Accounts { get; init; } = [];
}
