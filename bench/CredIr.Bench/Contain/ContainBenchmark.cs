using System.Globalization;
using System.Text.Json.Nodes;
using CredIr.Containment;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Identification;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Service;
using CredIr.Sandbox;
using CredIr.Sandbox.Scenarios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CredIr.Bench.Contain;

/// <summary>
/// Contain first: from a finding (a GuardDuty finding JSON, or the access key alone) to the leaked key Inactive in
/// the sandbox, with automatic approval, the coordinator and the real Identification and Containment services in
/// this process (as <c>credir respond</c> runs them). Measured with CloudTrail answering, and with LookupEvents
/// answering every call with a 5xx, throttling or AccessDenied: containment must not wait on the trail. The time is
/// from the open request to the UpdateAccessKey(Inactive) step's result in the journal; one incident per run, each
/// with a key of its own, one at a time.
/// </summary>
internal static class ContainBenchmark
{
    private const string Account = "123456789012";
    private static readonly string[] Inputs = ["access-key", "guardduty"];
    private static readonly string[] Faults = ["none", "5xx", "throttling", "denied"];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.SkipWhile(static a => a != "--runs").Skip(1).Select(static a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);
        var keys = Inputs.Length * Faults.Length * runs + 1;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = Scenario(keys) }, CancellationToken.None);
        var admin = sandbox.Accounts[0];
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", admin.AdminAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", admin.AdminSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        var folder = Directory.CreateTempSubdirectory("credir-bench-contain-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Incidents:Store"] = "sqlite:" + Path.Combine(folder, "contain.db"),
            ["Incidents:AutoApprove:AllowOnRequest"] = "true",
            ["Incidents:VerificationWindow"] = "00:00:01",
            ["Incidents:VerificationPollInterval"] = "00:00:01",
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:Region"] = "us-east-1",
            ["Identification:Notifications:OutboxPath"] = Path.Combine(folder, "outbox.db"),
        });
        builder.AddIdentificationServices();
        builder.AddContainmentServices();
        builder.AddIncidentServices();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();
            var caller = new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "bench" } }, cancellationToken: CancellationToken.None);
            var next = 0;

            // One incident first, not counted: JIT and the first connections are not what is measured.
            await ContainAsync(service, Input("access-key", next++), caller);
            Console.WriteLine($"contain: finding -> key Inactive, sandbox, auto-approve, {runs} runs each (target < 2 s)");
            Console.WriteLine("contain:   input        LookupEvents    p50 ms   max ms");
            var worst = 0.0;
            foreach (var fault in Faults)
            {
                sandbox.Faults.Clear();
                if (FaultOf(fault) is { } injected)
                {
                    sandbox.Faults.Set("cloudtrail", injected);
                }

                foreach (var input in Inputs)
                {
                    var times = new List<double>();
                    for (var run = 0; run < runs; run++)
                    {
                        times.Add(await ContainAsync(service, Input(input, next++), caller));
                    }

                    times.Sort();
                    worst = Math.Max(worst, times[^1]);
                    Console.WriteLine($"contain:   {input,-12} {(fault == "none" ? "answering" : fault),-15} {times[times.Count / 2],6:F0}   {times[^1],6:F0}");
                }
            }

            Console.WriteLine($"contain: slowest finding -> key Inactive {worst:F0} ms");
            return 0;
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens and advances one incident; the milliseconds from the open request to the key's deactivation.</summary>
    private static async Task<double> ContainAsync(CredIr.Contracts.V1.Incidents.IncidentsClient service, IdentificationInput input, CallOptions caller)
    {
        var started = TimeProvider.System.GetUtcNow();
        var opened = await service.OpenIncidentAsync(new OpenIncidentRequest { RequestId = Guid.NewGuid().ToString("N"), Input = input, AutoApprove = true }, caller);
        var incident = await service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, caller);
        var inactive = incident.Journal.FirstOrDefault(static j => j.Action == "iam:UpdateAccessKey(Inactive)" && j.Status == StepStatus.Succeeded)
            ?? throw new InvalidOperationException($"incident {incident.IncidentId}: the key was not set Inactive: {incident.Phase}, waiting for {incident.WaitingFor} {incident.LastError}");
        return (inactive.At.ToDateTimeOffset() - started).TotalMilliseconds;
    }

    private static FaultOptions? FaultOf(string fault) => fault switch
    {
        "5xx" => new FaultOptions { ServerErrorRate = 1 },
        "throttling" => new FaultOptions { ThrottleRate = 1 },
        "denied" => new FaultOptions { AccessDeniedRate = 1 },
        _ => null,
    };

    private static IdentificationInput Input(string kind, int i) => kind == "guardduty"
        ? new IdentificationInput { FindingJson = Finding(i) }
        : new IdentificationInput { AccessKeyId = KeyId(i) };

    // A GuardDuty finding as EventBridge delivers its detail: the key, its user, the first-seen time.
    private static string Finding(int i) => new JsonObject
    {
        ["schemaVersion"] = "2.0",
        ["accountId"] = Account,
        ["region"] = "us-east-1",
        ["partition"] = "aws",
        ["id"] = $"bench{i:D8}",
        ["arn"] = $"arn:aws:guardduty:us-east-1:{Account}:detector/bench/finding/bench{i:D8}",
        ["type"] = "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS",
        ["resource"] = new JsonObject
        {
            ["resourceType"] = "AccessKey",
            ["accessKeyDetails"] = new JsonObject { ["accessKeyId"] = KeyId(i), ["userName"] = UserName(i), ["userType"] = "IAMUser" },
        },
        ["service"] = new JsonObject
        {
            ["serviceName"] = "guardduty",
            ["eventFirstSeen"] = TimeProvider.System.GetUtcNow().AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["eventLastSeen"] = TimeProvider.System.GetUtcNow().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["count"] = 3,
        },
        ["severity"] = 8,
        ["title"] = "Credentials used from outside AWS",
    }.ToJsonString();

    private static string KeyId(int i) => "AKIACONTAIN" + i.ToString("D9", CultureInfo.InvariantCulture);

    private static string UserName(int i) => "ci-" + i.ToString(CultureInfo.InvariantCulture);

    private static Scenario Scenario(int users) => new()
    {
        Name = "bench-contain",
        Regions = ["us-east-1"],
        Options = new ScenarioOptions { LookupEventsRateLimit = 0 },
        Organization = new ScenarioOrganization { Accounts = [new ScenarioAccount { Id = Account, Name = "bench", Management = true }] },
        Principals =
        [
            .. Enumerable.Range(0, users).Select(i => new ScenarioPrincipal
            {
                Name = UserName(i),
                AccessKeys = [new ScenarioAccessKey { Id = KeyId(i), Secret = "benchSecret" + i.ToString("D29", CultureInfo.InvariantCulture) }],
            }),
        ],
    };
}
