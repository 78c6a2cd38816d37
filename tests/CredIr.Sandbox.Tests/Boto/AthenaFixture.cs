using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>One sandbox and one boto3 run of athena.py (python starts slowly); the "slow-lane" workgroup's queries are held RUNNING.</summary>
public sealed class AthenaFixture : IAsyncLifetime
{
    public const int Calls = 7;
    public const int PageSize = 3;

    public SandboxHost Sandbox { get; private set; } = null!;

    public JsonElement Result { get; private set; }

    public async Task InitializeAsync()
    {
        Sandbox = await ShippedScenarios.StartAsync();
        var account = Sandbox.Accounts[0];
        using var hold = Sandbox.Athena.HoldQueries("slow-lane");
        Result = await Boto3.RunAsync("athena.py", Boto3.Input(Sandbox, account.AdminCredentials, new
        {
            accountId = account.AccountId,
            organizationId = Sandbox.Scenario.Organization?.Id ?? "o-sandbox0001",
            calls = Calls,
            pageSize = PageSize,
        }));
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
