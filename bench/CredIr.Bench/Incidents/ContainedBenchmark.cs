using System.Diagnostics;
using System.Globalization;
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

namespace CredIr.Bench.Incidents;

/// <summary>
/// Incidents opened and driven to "contained" against the sandbox: the coordinator with the real
/// Identification and Containment services in this process, one leaked key per incident (each a
/// user of its own, so every containment really changes IAM), automatic approval. No eradication
/// service is hosted, so each run stops just after contained. The sandbox's LookupEvents limit is
/// off and, unless <c>awsLimits</c>, so are the client's own AWS limits (LookupEvents 2/s per
/// account-region, IAM 10/s per account): with them, every incident in one account-region shares
/// one LookupEvents bucket and that quota, not the coordinator, sets the pace.
/// </summary>
internal static class ContainedBenchmark
{
    private const string Account = "123456789012";

    public static async Task RunAsync(string name, string store, int incidents, int workers, bool awsLimits, TimeSpan? verificationWindow)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = Scenario(incidents + 1) }, CancellationToken.None);
        var outbox = Path.Combine(Path.GetTempPath(), $"credir-bench-outbox-{Guid.NewGuid():N}.db");
        var builder = CoordinatorAgainst(sandbox, store, outbox);
        if (verificationWindow is { } window)
        {
            var text = window.ToString("c", CultureInfo.InvariantCulture);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Incidents:VerificationWindow"] = text,
                ["Incidents:VerificationPollInterval"] = text,
            });
        }

        if (!awsLimits)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aws:LookupEventsPerSecond"] = "100000",
                ["Aws:LookupEventsBurst"] = "100000",
                ["Aws:IamRequestsPerSecond"] = "100000",
                ["Aws:IamBurst"] = "100000",
            });
        }

        builder.AddIdentificationServices();
        builder.AddContainmentServices();
        builder.AddIncidentServices();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();
            var caller = new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "bench" } }, cancellationToken: CancellationToken.None);
            var run = Guid.NewGuid().ToString("N")[..8];

            // One incident first, outside the clock: JIT and the first connections are not what is measured.
            await DriveAsync(service, $"contained-{run}-warm-up", incidents, caller);
            var contained = new double[incidents];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < incidents)
                {
                    var incident = await DriveAsync(service, $"contained-{run}-{i}", i, caller);
                    contained[i] = (incident.ContainedAt.ToDateTimeOffset() - incident.OpenedAt.ToDateTimeOffset()).TotalMilliseconds;
                }
            })));
            clock.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            var sorted = contained.Order().ToArray();
            Console.WriteLine($"{name}: {incidents} incidents opened and driven to contained against the sandbox (identification + containment in-process, {workers} workers, {(awsLimits ? "AWS's LookupEvents and IAM rate limits kept" : "client AWS rate limits raised")}, containment verification window {(verificationWindow is { } w ? $"{w.TotalSeconds:0.###} s" : "the default 10 s")}) in {seconds:F2} s");
            Console.WriteLine($"{name}:   contained incidents/s {incidents / seconds:F1}   open -> contained p50 {At(sorted, 0.50):F0} ms   p99 {At(sorted, 0.99):F0} ms");
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(outbox);
        }
    }

    /// <summary>
    /// A coordinator host against the sandbox (its administrator as the default credentials, the store given,
    /// auto-approve allowed on request, errors only in the log); the caller adds the phase services it hosts.
    /// </summary>
    internal static HostApplicationBuilder CoordinatorAgainst(SandboxHost sandbox, string store, string outbox)
    {
        var admin = sandbox.Accounts[0];
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", admin.AdminAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", admin.AdminSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Incidents:Store"] = store,
            ["Incidents:AutoApprove:AllowOnRequest"] = "true",
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:Region"] = "us-east-1",
            ["Identification:Notifications:OutboxPath"] = outbox,
        });
        return builder;
    }

    private static async Task<Incident> DriveAsync(CredIr.Contracts.V1.Incidents.IncidentsClient service, string requestId, int key, CallOptions caller)
    {
        var opened = await service.OpenIncidentAsync(new OpenIncidentRequest
        {
            RequestId = requestId,
            Input = new IdentificationInput { AccessKeyId = KeyId(key) },
            AutoApprove = true,
        }, caller);
        var incident = await service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, caller);
        return incident.ContainedAt is not null
            ? incident
            : throw new InvalidOperationException($"incident {incident.IncidentId} for {KeyId(key)} was not contained: {incident.Phase}, waiting for {incident.WaitingFor} {incident.LastError}");
    }

    internal static string KeyId(int i) => "AKIABENCH" + i.ToString("D11", CultureInfo.InvariantCulture);

    internal static Scenario Scenario(int users) => new()
    {
        Name = "bench-contained",
        Regions = ["us-east-1"],
        Options = new ScenarioOptions { LookupEventsRateLimit = 0 },
        Organization = new ScenarioOrganization { Accounts = [new ScenarioAccount { Id = Account, Name = "bench", Management = true }] },
        Principals =
        [
            .. Enumerable.Range(0, users).Select(i => new ScenarioPrincipal
            {
                Name = "ci-" + i.ToString(CultureInfo.InvariantCulture),
                AccessKeys = [new ScenarioAccessKey { Id = KeyId(i), Secret = "benchSecret" + i.ToString("D29", CultureInfo.InvariantCulture) }],
            }),
        ],
    };

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
