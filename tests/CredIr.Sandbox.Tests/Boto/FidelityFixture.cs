using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>One multi-account sandbox and one boto3 run of fidelity.py, acting as the prod account's admin.</summary>
public sealed class FidelityFixture : IAsyncLifetime
{
    public const string Bucket = "acme-prod-data";

    public SandboxHost Sandbox { get; private set; } = null!;

    public JsonElement Result { get; private set; }

    public string ProdAccountId => Sandbox.Accounts[1].AccountId;

    public async Task InitializeAsync()
    {
        Sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        Result = await Boto3.RunAsync("fidelity.py", Boto3.Input(Sandbox, Sandbox.Accounts[1].AdminCredentials, new
        {
            bucket = Bucket,
        }));
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
