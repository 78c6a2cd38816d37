using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>One sandbox with faults on GuardDuty and Organizations, and one boto3 run of every error check.</summary>
public sealed class ErrorShapeFixture : IAsyncLifetime
{
    public JsonElement Result { get; private set; }

    public string AccountId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);
        AccountId = sandbox.Accounts[0].AccountId;
        sandbox.Faults.Set("guardduty", new FaultOptions { ThrottleRate = 1 });
        sandbox.Faults.Set("organizations", new FaultOptions { ServerErrorRate = 1 });
        var reader = sandbox.Credentials("alice");
        Result = await Boto3.RunAsync("errors.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials, new
        {
            adminUser = sandbox.Scenario.Options.AdminUser,
            reader = new { accessKeyId = reader.AccessKeyId, secretAccessKey = reader.SecretAccessKey },
        }));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
