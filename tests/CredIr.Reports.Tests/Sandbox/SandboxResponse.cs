using CredIr.Hosting;
using CredIr.Containment;
using CredIr.Contracts.V1;
using CredIr.Eradication;
using Grpc.Core;
using CredIr.Identification;
using CredIr.Incidents.Hosting;
using CredIr.Recovery;
using CredIr.Sandbox;
using CredIr.Tests;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Reports.Tests.Sandbox;

/// <summary>
/// The sandbox in process and every service composed the way <c>credir serve</c> composes them
/// (cli/Hosting/ServiceComposition.cs): one incident for the scenario's leaked key, driven with
/// automatic approvals as far as the playbook goes, from a
/// compromise time the responder gives (a few minutes before the ground truth's first actor call), then GetReport in each format. The scan reads
/// the sandbox's exported trail files, so data events (S3 GetObject, DeleteObject) are in scope as
/// they are with an organization trail.
/// </summary>
internal static class SandboxResponse
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    // The services find their credentials in the environment, as against AWS: one run at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Dictionary<string, Task<ScenarioRun>> Runs = new(StringComparer.Ordinal);

    public static Task<ScenarioRun> RunAsync(string scenario)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(scenario, out var run))
            {
                run = RunOnceAsync(scenario);
                Runs[scenario] = run;
            }

            return run;
        }
    }

    private static async Task<ScenarioRun> RunOnceAsync(string scenario)
    {
        await OneAtATime.WaitAsync();
        var work = Directory.CreateTempSubdirectory("credir-report-");
        try
        {
            using var budget = new CancellationTokenSource(Budget);
            return await DriveAsync(scenario, work.FullName, budget.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"The incident for scenario {scenario} was not driven and reported within {Budget.TotalMinutes} minutes.", e);
        }
        finally
        {
            OneAtATime.Release();
            work.Delete(recursive: true);
        }
    }

    private static async Task<ScenarioRun> DriveAsync(string scenario, string work, CancellationToken cancellationToken)
    {
        var path = RepoRoot.Combine("sandbox", "scenarios", scenario + ".json");
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = path }, cancellationToken);
        var groundTruth = ScenarioTruth.Read(sandbox);
        var trail = Directory.CreateDirectory(Path.Combine(work, "trail")).FullName;
        await sandbox.ExportTrailAsync(trail, cancellationToken);

        var admin = sandbox.Accounts[0];
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", admin.AdminAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", admin.AdminSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        await using var hooks = await WebhookReceiver.StartAsync(cancellationToken);
        await using var app = Compose(sandbox, work, Cmdb(scenario, work), hooks.Url);
        await app.StartAsync(cancellationToken);
        var incidents = app.Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();
        var context = new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "report-test" } }, cancellationToken: cancellationToken);
        var incident = await incidents.OpenIncidentAsync(new OpenIncidentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Input = new IdentificationInput { AccessKeyId = groundTruth.LeakedAccessKeyId },
            Title = $"report test: leaked key {groundTruth.LeakedAccessKeyId}",
            AutoApprove = true,
            CompromiseTime = Timestamp.FromDateTimeOffset(groundTruth.CompromiseStart.AddMinutes(-5)),
            // The actor moved into member accounts: the response covers the whole organization.
            Scope = new Scope { AllAccounts = true, AllRegions = true },
            TrailSource = TrailSourceKind.LogFiles,
            LogLocation = trail,
        }, context);

        // Each Advance runs to the next approval (given automatically) or to where the playbook stops.
        while (incident.Phase is not (Phase.Recovered or Phase.Closed))
        {
            var next = await incidents.AdvanceAsync(new AdvanceRequest { RequestId = Guid.NewGuid().ToString("N"), IncidentId = incident.IncidentId }, context);
            var stuck = next.Version == incident.Version || next.LastError.Length > 0;
            incident = next;
            if (stuck)
            {
                break;
            }
        }

        var reports = new Dictionary<ReportFormat, Report>();
        foreach (var format in new[] { ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html })
        {
            reports[format] = await incidents.GetReportAsync(new GetReportRequest { IncidentId = incident.IncidentId, Format = format }, context);
        }

        await app.StopAsync(CancellationToken.None);
        return new ScenarioRun(scenario, incident, reports[ReportFormat.Json], reports[ReportFormat.Markdown], reports[ReportFormat.Html],
            groundTruth.ActorCalls, groundTruth.Secrets);
    }

    // A scenario's CMDB (applications, owners, known-good configuration), copied so recovery's change log lands beside it.
    private static string? Cmdb(string scenario, string work)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "Sandbox", "Cmdb", scenario + ".json");
        if (!File.Exists(shipped))
        {
            return null;
        }

        var copy = Path.Combine(work, "cmdb.json");
        File.Copy(shipped, copy);
        return copy;
    }

    private static WebApplication Compose(SandboxHost sandbox, string work, string? cmdb, Uri webhook)
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identification:CmdbPath"] = cmdb,
            ["Recovery:CmdbPath"] = cmdb,
            ["Eradication:CmdbPath"] = cmdb,
            ["Identification:Notifications:Targets:0:Name"] = "soar",
            ["Identification:Notifications:Targets:0:Url"] = webhook.ToString(),
            ["Identification:Notifications:OutboxPath"] = Path.Combine(work, "outbox.db"),
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Incidents:Store"] = "sqlite:" + Path.Combine(work, "credir.db"),
            ["Incidents:AutoApprove:AllowOnRequest"] = "true",
            ["Eradication:LogFiles:Roots:0"] = work,
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:Region"] = "us-east-1",
        });
        builder.AddCredIrGrpcHost();
        builder.AddIdentificationServices();
        builder.AddContainmentServices();
        builder.AddEradicationServices();
        builder.AddRecoveryServices();
        builder.AddIncidentServices();
        var app = builder.Build();
        app.MapGrpcService<CredIr.Contracts.V1.Incidents.IncidentsBase>();
        app.MapGrpcService<CredIr.Contracts.V1.Identification.IdentificationBase>();
        app.MapGrpcService<CredIr.Contracts.V1.Containment.ContainmentBase>();
        app.MapGrpcService<CredIr.Contracts.V1.Eradication.EradicationBase>();
        app.MapGrpcService<CredIr.Contracts.V1.Recovery.RecoveryBase>();
        app.MapGrpcInfrastructure();
        return app;
    }
}
