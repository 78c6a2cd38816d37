namespace CredIr.Sandbox.Scenarios;

public sealed record ScenarioAccount
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Email { get; init; }
    public bool Management { get; init; }
    /// <summary>Admin key pair for this account's admin user; generated when absent.</summary>
    public string? AdminAccessKeyId { get; init; }
    public string? AdminSecretAccessKey { get; init; }
    /// <summary>Root user access keys (a bad practice scenarios may want to show); none when absent.</summary>
    public string? RootAccessKeyId { get; init; }
    public string? RootSecretAccessKey { get; init; }
}
