using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using Xunit.Abstractions;
using CredIr.Tests;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// The coordinator killed with SIGKILL at many durable writes of one full incident run against the
/// sandbox (the real phase services, the real CloudTrail), restarted each time on the same SQLite
/// store: the incident still reaches recovered, and the cloud saw each change once.
/// </summary>
public sealed class KillNineTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int MostAdvances = 50;

    // One incident, one store, many lives: each life resumes where the last was killed and is
    // killed at its own point, so one run crosses identification, notification, both containment
    // plans, the scan and the eradication plan. Counts are per life (from its start).
    private static readonly CrashPoint[] Lives =
    [
        new("after:state", 1),            // the open is written; the caller never hears back
        new("after:evidence", 2),         // identification half observed
        new("before:state", 1),           // identified, not yet written: identification again
        new("after:journal-intent", 1),   // stakeholder notification intended, not sent
        new("before:journal-result", 1),  // notification sent, not journaled: sent again, same id
        new("after:journal-result", 2),   // a containment step done and journaled, not in the document
        new("after:journal-intent", 1),   // the next step intended, the cloud not touched
        new("before:journal-result", 1),  // that step done in the cloud, not journaled: run again
        new("after:checkpoint", 3),       // the org-wide scan part way
        new("after:findings", 1),         // the scan's findings part stored
        new("after:journal-intent", 1),   // containment of a derived credential intended
        new("before:journal-result", 1),  // and done in the cloud, not journaled
        new("after:journal-intent", 1, "eradication-"),   // the first deletion intended, not made
        new("before:journal-result", 1, "eradication-"),  // and made, not journaled: run again
        new("after:journal-result", 2, "eradication-"),   // the next deletion journaled, not in the document
    ];

    private readonly TempDirectory _directory = new();
    private SandboxHost _sandbox = null!;
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await CoordinatorEnvironment.StartSandboxAsync();

        // LookupEvents' 2 requests/s is not what is tested here; without it the run takes seconds.
        _sandbox.LookupEventsRateLimit = null;
        _webhook = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task FullRun_KilledAtManyDurableWrites_ReachesRecoveredWithEachCloudChangeOnce()
    {
        var mark = CloudSideEffects.Mark(_sandbox);
        var open = new OpenIncidentRequest
        {
            RequestId = "kill-9-run",
            Input = new IdentificationInput { AccessKeyId = LeakedKey() },
            Title = "kill -9 game day",
            AutoApprove = true,
        };

        var killedAt = new List<string>();
        foreach (var point in Lives)
        {
            await using var life = await StartAsync(point);
            var incident = await DriveAsync(life.Incidents, open);
            Assert.True(incident is null, $"life killed at {point}: the crash point was never reached; the incident stopped in {incident?.Phase} waiting for {incident?.WaitingFor}. Earlier lives: {string.Join(" | ", killedAt)}");
            var exit = await life.WaitForExitAsync(TimeSpan.FromSeconds(20));
            var line = life.Stderr.Split('\n').FirstOrDefault(l => l.StartsWith(point.Line, StringComparison.Ordinal));
            Assert.True(line is not null, $"life killed at {point} exited ({exit}) without reaching it; stderr: {life.Stderr}");
            Assert.Equal(137, exit);
            killedAt.Add(line.Trim());
        }

        Incident final;
        await using (var last = await StartAsync(null))
        {
            final = await DriveAsync(last.Incidents, open) ?? throw new InvalidOperationException("the last life, without a crash point, died: " + last.Stderr);
            var evidence = await last.Incidents.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = final.IncidentId }, Context());
            Assert.True(evidence.Intact, evidence.Message);

            // The dispatcher delivers after the commit: the last life must live until it has.
            await Eventually.Within(_webhook.AllArrivedAsync(final.Notifications.Select(n => n.NotificationId).ToHashSet()), "every notification of the incident at the webhook", seconds: 30);
        }

        var changes = CloudSideEffects.Since(_sandbox, mark);
        var repeated = changes.Where(c => c.Error is null).GroupBy(c => (c.Name, c.AccountId, c.Parameters)).Where(g => g.Count() > 1).ToList();
        var story = $"killed at: {string.Join(" | ", killedAt)}; cloud changes: {string.Join(" | ", changes)}";
        output.WriteLine(story.Replace(" | ", Environment.NewLine, StringComparison.Ordinal));
        output.WriteLine($"final: {final.Phase}, waiting for {final.WaitingFor} {final.LastError}");
        foreach (var plan in final.Plans)
        {
            output.WriteLine($"{plan.PlanId}: {string.Join(", ", plan.Steps.Select(s => $"{s.Action} {s.Status}"))}");
        }

        Assert.True(repeated.Count == 0, $"changed more than once: {string.Join(" | ", repeated.Select(g => g.Key))}; {story}");
        Assert.Contains(changes, c => c is { Name: "UpdateAccessKey", Error: null } && c.Parameters.Contains(LeakedKey(), StringComparison.Ordinal));
        Assert.True(final.Phase == Phase.Recovered, $"stopped in {final.Phase}: {final.WaitingFor} {final.LastError}; {story}");
        Assert.All(["AKIA4CIBOTLEAKEDKEY1", "AKIA6SVCMAINTPERSIS7", "ASIA7MAINTPRODSESS01", "ASIA7INSTANCEROLE002"], key => Assert.Contains(final.Credentials, c => c.AccessKeyId == key));
        Assert.Contains(changes, c => c is { Name: "DeleteUser", Error: null });
        var steps = final.Plans.SelectMany(p => p.Steps).ToList();
        Assert.True(
            final.Plans.Any(p => p.Kind == PlanKind.Eradication) && steps.All(s => s.Status is StepStatus.Succeeded or StepStatus.AlreadyDone or StepStatus.Skipped),
            $"steps: {string.Join(", ", final.Plans.SelectMany(p => p.Steps.Select(s => $"{p.PlanId}/{s.Action} {s.Status}")))}");

        // Steps killed after their cloud call and before their result was journaled ran again and found the change made.
        Assert.Contains(final.Plans.Where(p => p.Kind == PlanKind.Containment).SelectMany(p => p.Steps), s => s.Status == StepStatus.AlreadyDone);
        Assert.Contains(final.Plans.Where(p => p.Kind == PlanKind.Eradication).SelectMany(p => p.Steps), s => s.Status == StepStatus.AlreadyDone);

        // Webhooks deliver at least once with a stable id; no notification is lost, none made twice.
        var sent = final.Notifications.Select(n => n.NotificationId).ToHashSet();
        Assert.NotEmpty(sent);
        Assert.Equal(sent.Order(), _webhook.Received.Distinct().Order());
    }

    private Task<CoordinatorProcess> StartAsync(CrashPoint? point) =>
        CoordinatorProcess.StartAsync(_directory.Path, "sqlite:" + Path.Combine(_directory.Path, "credir.db"), CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path, point));

    /// <summary>
    /// Opens (idempotently) and advances until nothing changes, or at most <see cref="MostAdvances"/> times (an
    /// incident that changes on every advance without getting anywhere then fails the test instead of hanging it);
    /// null when the process died on the way.
    /// </summary>
    /// <summary>Advances until nothing changes (or <paramref name="until"/> holds); null when the coordinator died.</summary>
    internal static async Task<Incident?> DriveAsync(CredIr.Contracts.V1.Incidents.IncidentsClient incidents, OpenIncidentRequest open, Func<Incident, bool>? until = null)
    {
        try
        {
            var incident = await incidents.OpenIncidentAsync(open, Context());
            long seen;
            var advances = 0;
            do
            {
                seen = incident.Version;
                incident = await incidents.AdvanceAsync(new AdvanceRequest { IncidentId = incident.IncidentId }, Context());
            }
            while (incident.Version != seen && ++advances < MostAdvances && until?.Invoke(incident) != true);
            return incident;
        }
        catch (Exception exception) when (exception is RpcException { StatusCode: StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled } or HttpRequestException or IOException)
        {
            return null;
        }
    }

    internal static CallOptions Context() => new(deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(1));

    private string LeakedKey() => _sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
}
