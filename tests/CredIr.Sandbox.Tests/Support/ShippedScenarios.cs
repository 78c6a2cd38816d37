namespace CredIr.Sandbox.Tests.Support;

/// <summary>The shipped scenario files, as copied beside the tests.</summary>
internal static class ShippedScenarios
{
    public static string SingleAccountKeyLeak => Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json");

    public static string MultiAccountOrg => Path.Combine(AppContext.BaseDirectory, "scenarios", "multi-account-org.json");

    public static Task<SandboxHost> StartAsync(string? path = null) =>
        SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = path }, CancellationToken.None);
}
