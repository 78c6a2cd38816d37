using System.Diagnostics;
using System.Globalization;
using CredIr.Contracts.V1;
using CredIr.Sandbox;
using CredIr.Tests;
using Grpc.Core;

namespace CredIr.Bench.Incidents;

/// <summary>
/// "failover": two real <c>credir serve</c> processes on one PostgreSQL database (one Orleans cluster, the membership
/// settings <c>credir serve</c> ships with), the sandbox as AWS. An incident is opened and advanced to its containment
/// approval through node A, so its single activation is on A; then A is killed (SIGKILL) or hung (SIGSTOP), and the
/// benchmark measures how long until node B serves Get, then Advance, for that incident. After a hang, A is woken
/// (SIGCONT) once B has taken over: it must not act for the incident any more (the cluster declared it dead).
/// Usage: failover [--kills N] [--stops N] [--postgres CONNECTION] (or CREDIR_BENCH_POSTGRES).
/// </summary>
internal static class FailoverBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var kills = Option(args, "--kills", 5);
        var stops = Option(args, "--stops", 3);
        var postgres = OptionText(args, "--postgres") ?? Environment.GetEnvironmentVariable("CREDIR_BENCH_POSTGRES");
        if (postgres is null)
        {
            Console.Error.WriteLine("failover needs PostgreSQL: pass --postgres CONNECTION or set CREDIR_BENCH_POSTGRES");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("credir-bench-failover-").FullName;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = ContainedBenchmark.Scenario(kills + stops + 1) }, CancellationToken.None);
        var environment = CoordinatorSettings(sandbox, folder);
        try
        {
            await using var survivor = await CoordinatorProcess.StartAsync(folder, postgres, environment);
            var killed = new List<(double Get, double Advance)>();
            for (var i = 0; i < kills; i++)
            {
                killed.Add(await KillAsync(survivor, postgres, environment, folder, i));
                Console.WriteLine($"kill -9 #{i + 1}: Get served by the other node after {killed[^1].Get:F2} s, Advance after {killed[^1].Advance:F2} s");
            }

            var stopped = new List<(double Get, double Advance)>();
            for (var i = 0; i < stops; i++)
            {
                stopped.Add(await StopAsync(survivor, postgres, environment, folder, kills + i));
                Console.WriteLine($"SIGSTOP #{i + 1}: Get served by the other node after {stopped[^1].Get:F2} s, Advance after {stopped[^1].Advance:F2} s");
            }

            Summarize("kill -9 ", killed);
            Summarize("SIGSTOP ", stopped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task<(double Get, double Advance)> KillAsync(CoordinatorProcess survivor, string postgres, Dictionary<string, string> environment, string folder, int key)
    {
        await using var doomed = await CoordinatorProcess.StartAsync(folder, postgres, environment);
        var id = await OpenOnAsync(doomed, key);
        var clock = Stopwatch.StartNew();
        doomed.Kill();
        return await ServedAsync(survivor, id, clock);
    }

    private static async Task<(double Get, double Advance)> StopAsync(CoordinatorProcess survivor, string postgres, Dictionary<string, string> environment, string folder, int key)
    {
        await using var hung = await CoordinatorProcess.StartAsync(folder, postgres, environment);
        var id = await OpenOnAsync(hung, key);
        var clock = Stopwatch.StartNew();
        await hung.SignalAsync("STOP");
        var served = await ServedAsync(survivor, id, clock);

        // The hung node wakes up holding a stale activation of the incident: show that it does not act for it.
        var note = await survivor.Incidents.AddNoteAsync(new AddNoteRequest { IncidentId = id, RequestId = $"after-takeover-{key}", Text = "taken over" }, Caller());
        await hung.SignalAsync("CONT");
        var woke = Stopwatch.StartNew();
        string through;
        try
        {
            await hung.Incidents.AddNoteAsync(new AddNoteRequest { IncidentId = id, RequestId = $"from-the-woken-node-{key}", Text = "from the woken node" },
                new CallOptions(Caller().Headers, DateTime.UtcNow.AddSeconds(30)));
            // A stale activation's write would fail its ETag check; an accepted one went to the live activation.
            through = "served by the live activation on the other node";
        }
        catch (RpcException exception)
        {
            through = $"refused: {exception.StatusCode}";
        }

        try
        {
            await hung.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Reported below: a woken node that stays up must still not act for the incident.
        }

        var exit = hung.HasExited ? $"exited by itself {woke.Elapsed.TotalSeconds:F1} s after SIGCONT" : "still running 60 s after SIGCONT";
        var after = await survivor.Incidents.GetIncidentAsync(new GetIncidentRequest { IncidentId = id }, Caller());
        var evidence = await survivor.Incidents.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = id }, Caller());
        var stray = after.Notes.Count(n => n.Text == "from the woken node");
        Console.WriteLine($"  woken node: {exit}; a write through it: {through}; versions {note.Version} -> {after.Version} " +
            $"({stray} note from it), evidence chain {(evidence.Intact ? "intact" : "BROKEN: " + evidence.Message)}");
        return served;
    }

    /// <summary>Opens an incident through the node (its activation is there) and advances it to the containment approval.</summary>
    private static async Task<string> OpenOnAsync(CoordinatorProcess node, int key)
    {
        var opened = await node.Incidents.OpenIncidentAsync(new OpenIncidentRequest
        {
            RequestId = $"failover-{Guid.NewGuid():N}",
            Input = new IdentificationInput { AccessKeyId = ContainedBenchmark.KeyId(key) },
        }, Caller());
        var advanced = await node.Incidents.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Caller());
        return advanced.Phase == Phase.Containing && advanced.WaitingFor.StartsWith("approval", StringComparison.Ordinal)
            ? advanced.IncidentId
            : throw new InvalidOperationException($"incident {advanced.IncidentId} did not reach its containment approval: {advanced.Phase}, {advanced.WaitingFor} {advanced.LastError}");
    }

    /// <summary>Seconds from the fault until the other node answered Get, then Advance, for the incident (each retried until it does).</summary>
    private static async Task<(double Get, double Advance)> ServedAsync(CoordinatorProcess survivor, string id, Stopwatch clock)
    {
        await UntilServedAsync(() => survivor.Incidents.GetIncidentAsync(new GetIncidentRequest { IncidentId = id }, Deadline()).ResponseAsync, clock);
        var get = clock.Elapsed.TotalSeconds;
        var advanced = await UntilServedAsync(() => survivor.Incidents.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Deadline()).ResponseAsync, clock);
        var advance = clock.Elapsed.TotalSeconds;
        return advanced.Phase == Phase.Containing
            ? (get, advance)
            : throw new InvalidOperationException($"after the failover the incident is {advanced.Phase}: {advanced.WaitingFor}");
    }

    // The Incidents service already retries a call for up to 30 s while the cluster moves a dead node's incidents;
    // a call that still fails is made again, so what is measured is the first answer, not the retry policy.
    private static async Task<Incident> UntilServedAsync(Func<Task<Incident>> call, Stopwatch clock)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && clock.Elapsed < Patience)
            {
                // Not served yet.
            }
        }
    }

    private static Dictionary<string, string> CoordinatorSettings(SandboxHost sandbox, string folder)
    {
        var admin = sandbox.Accounts[0];
        return new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = admin.AdminAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = admin.AdminSecretAccessKey,
            ["AWS_REGION"] = "us-east-1",
            ["Aws__EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws__UseEnvironmentEndpoints"] = "false",
            ["Aws__Region"] = "us-east-1",
            ["Identification__Notifications__OutboxPath"] = Path.Combine(folder, "identification-outbox.db"),
            // A cluster of its own: members a previous run left in the table play no part.
            ["Incidents__Silo__ClusterId"] = "bench-failover-" + Guid.NewGuid().ToString("N")[..8],
        };
    }

    private static void Summarize(string fault, List<(double Get, double Advance)> runs)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var gets = runs.Select(static r => r.Get).Order().ToArray();
        var advances = runs.Select(static r => r.Advance).Order().ToArray();
        Console.WriteLine($"{fault}: {runs.Count} runs   Get served after  median {gets[gets.Length / 2]:F2} s  max {gets[^1]:F2} s   Advance after  median {advances[advances.Length / 2]:F2} s  max {advances[^1]:F2} s");
    }

    private static CallOptions Caller() => new(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "bench" } });

    private static CallOptions Deadline() => new(Caller().Headers, DateTime.UtcNow.AddSeconds(40));

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
