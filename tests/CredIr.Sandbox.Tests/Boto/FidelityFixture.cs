using System.Text.Json;
using CredIr.Sandbox.Scenarios;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>
/// One multi-account sandbox (its dev account closed: SUSPENDED) and one boto3 run of fidelity.py, acting as the prod
/// account's admin, with the management admin for Organizations and cross-account calls.
/// </summary>
public sealed class FidelityFixture : IAsyncLifetime
{
    public const string Bucket = "acme-prod-data";

    public const string SuspendedAccountId = "333333333333";

    public SandboxHost Sandbox { get; private set; } = null!;

    public JsonElement Result { get; private set; }

    public string ProdAccountId => Sandbox.Accounts[1].AccountId;

    public async Task InitializeAsync()
    {
        var scenario = ScenarioLoader.Load(ShippedScenarios.MultiAccountOrg);
        var organization = scenario.Organization!;
        scenario = scenario with
        {
            Organization = organization with
            {
                Accounts = [.. organization.Accounts.Select(a => a.Id == SuspendedAccountId ? a with { Status = "SUSPENDED" } : a)],
            },
        };
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = scenario }, CancellationToken.None);
        var management = Sandbox.Accounts[0].AdminCredentials;
        Result = await Boto3.RunAsync("fidelity.py", Boto3.Input(Sandbox, Sandbox.Accounts[1].AdminCredentials, new
        {
            bucket = Bucket,
            suspendedAccountId = SuspendedAccountId,
            prodAccountId = Sandbox.Accounts[1].AccountId,
            managementAccountId = Sandbox.Accounts[0].AccountId,
            management = new { accessKeyId = management.AccessKeyId, secretAccessKey = management.SecretAccessKey },
        }));
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
