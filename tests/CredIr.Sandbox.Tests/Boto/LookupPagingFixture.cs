using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>One sandbox and one boto3 run (python starts slowly) shared by the LookupEvents paging tests.</summary>
public sealed class LookupPagingFixture : IAsyncLifetime
{
    public const int Calls = 23;
    public const int PageSize = 5;

    public JsonElement Result { get; private set; }

    public async Task InitializeAsync()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();
        sandbox.LookupEventsRateLimit = null;
        Result = await Boto3.RunAsync("lookup_paging.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials, new { count = Calls, pageSize = PageSize }));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
