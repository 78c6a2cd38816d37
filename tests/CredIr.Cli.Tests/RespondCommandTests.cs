using System.Text.Json;
using CredIr.Sandbox;

namespace CredIr.Cli.Tests;

/// <summary><c>credir respond</c> against a served host: the playbook runs up to each approval; nobody at a terminal means it stops and says how to approve.</summary>
[Collection(ServedHostCollection.Name)]
public sealed class RespondCommandTests(ServedHost host)
{
    [Fact]
    public async Task Respond_InAPipeWithoutAutoApprove_StopsAtTheContainmentApprovalAndExits4()
    {
        var result = await host.RunAsync("respond", "--access-key", host.LeakedKey, "--output", "json");

        Assert.True(result.ExitCode == 4, result.ToString());
        var stderrLines = result.Stderr.Trim().Split('\n');
        Assert.Contains(stderrLines, l => l.StartsWith("credir: incident inc-", StringComparison.Ordinal) && l.Contains("waits for approval containment-1-approval", StringComparison.Ordinal));
        Assert.Contains("containment plan containment-1 proposed", result.Stderr, StringComparison.Ordinal);
        using var incident = JsonDocument.Parse(result.Stdout);
        Assert.Equal("PHASE_CONTAINING", incident.RootElement.GetProperty("phase").GetString());
        Assert.Equal(host.LeakedKey, incident.RootElement.GetProperty("credentials")[0].GetProperty("accessKeyId").GetString());
        Assert.DoesNotContain('\u001b', result.Stderr);
    }

    // Without --server every service runs inside respond; its own sandbox, since the playbook deactivates the leaked key.
    [Fact]
    public async Task Respond_InProcessWithAutoApprove_RunsThePlaybookToRecoveredAndExits0()
    {
        await using var sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") },
            CancellationToken.None);
        var key = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var store = Path.Combine(host.Folder, $"respond-{Guid.NewGuid():N}.db");

        var result = await Credir.RunAsync(
            ["respond", "--access-key", key, "--auto-approve", "--endpoint", sandbox.Endpoint.ToString(), "--store", "sqlite:" + store, "--output", "json", "--Aws:UseEnvironmentEndpoints=false"],
            TimeSpan.FromMinutes(4),
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey,
                ["AWS_REGION"] = "us-east-1",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var incident = JsonDocument.Parse(result.Stdout);
        Assert.Equal("PHASE_RECOVERED", incident.RootElement.GetProperty("phase").GetString());
        Assert.All(incident.RootElement.GetProperty("approvals").EnumerateArray(), a => Assert.Equal("APPROVAL_DECISION_AUTO_APPROVED", a.GetProperty("decision").GetString()));
        Assert.Contains("phase recovered", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{key}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_ConfiguredForAthena_SeesTheDataEvents_AndReportsNoDataEventsGap()
    {
        var scenario = Sandbox.Scenarios.ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json"));
        scenario = scenario with { Resources = scenario.Resources with { Buckets = [.. scenario.Resources.Buckets, new Sandbox.Scenarios.ScenarioBucket { Name = "athena-results" }] } };
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = scenario }, CancellationToken.None);
        var key = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var store = Path.Combine(host.Folder, $"respond-{Guid.NewGuid():N}.db");

        var result = await Credir.RunAsync(
            ["respond", "--access-key", key, "--auto-approve", "--endpoint", sandbox.Endpoint.ToString(), "--store", "sqlite:" + store, "--output", "json", "--Aws:UseEnvironmentEndpoints=false",
             "--athena", "--athena-output", "s3://athena-results/", "--athena-trail", $"s3://org-trail/AWSLogs/{sandbox.OrganizationId}/"],
            TimeSpan.FromMinutes(4),
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey,
                ["AWS_REGION"] = "us-east-1",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(sandbox.Athena.QueriesStarted >= 2, $"the respond ran {sandbox.Athena.QueriesStarted} Athena queries");
        using var incident = JsonDocument.Parse(result.Stdout);
        Assert.Equal("TRAIL_SOURCE_KIND_ATHENA", incident.RootElement.GetProperty("trailSource").GetString());
        var findings = incident.RootElement.GetProperty("findings");
        // The exfiltration (two S3 GetObject data events) is in the findings; no gap says data events were not seen.
        Assert.Equal("2", findings.GetProperty("eventsByCategory").GetProperty("SensitiveDataAccess").GetString());
        Assert.All(findings.GetProperty("gaps").EnumerateArray(), g => Assert.False(g.TryGetProperty("categoriesNotSeen", out var hidden) && hidden.GetArrayLength() > 0, g.GetRawText()));
        Assert.DoesNotContain("LookupEvents holds management events only", result.Stdout, StringComparison.Ordinal);
    }

    // The stronger containment asked for from the start: the plan denies everything to the key's user, and the
    // incident (and so the report) says which level was applied and why.
    [Fact]
    public async Task Respond_WithDenyAll_ContainsWithTheUsersDenyAllAndSaysTheLevelAndWhy()
    {
        await using var sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") },
            CancellationToken.None);
        var key = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var store = Path.Combine(host.Folder, $"respond-{Guid.NewGuid():N}.db");

        var result = await Credir.RunAsync(
            ["respond", "--access-key", key, "--deny-all", "--lock-trust-policy", "--auto-approve", "--endpoint", sandbox.Endpoint.ToString(), "--store", "sqlite:" + store, "--output", "json", "--Aws:UseEnvironmentEndpoints=false"],
            TimeSpan.FromMinutes(4),
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey,
                ["AWS_REGION"] = "us-east-1",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var incident = JsonDocument.Parse(result.Stdout);
        var root = incident.RootElement;
        Assert.True(root.GetProperty("containmentOptions").GetProperty("denyAll").GetBoolean());
        Assert.StartsWith("asked for when the incident was opened", root.GetProperty("escalationReason").GetString(), StringComparison.Ordinal);
        var steps = root.GetProperty("plans").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "PLAN_KIND_CONTAINMENT").SelectMany(p => p.GetProperty("steps").EnumerateArray());
        Assert.Contains(steps, s => s.GetProperty("action").GetString() == "iam:PutUserPolicy(DenyAll)" && s.GetProperty("status").GetString() == "STEP_STATUS_SUCCEEDED");
    }

    // `script` gives respond a terminal, as a responder at a console has; the answers are typed ahead.
    [Fact]
    public async Task Respond_OnATerminal_ShowsEachPlanAsksAndRecordsTheResponderAsApprover()
    {
        await using var sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") },
            CancellationToken.None);
        var key = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var store = Path.Combine(host.Folder, $"respond-{Guid.NewGuid():N}.db");
        var command = $"dotnet {Credir.Dll} respond --access-key {key} --endpoint {sandbox.Endpoint} --store sqlite:{store} --Aws:UseEnvironmentEndpoints=false";
        var info = new System.Diagnostics.ProcessStartInfo("script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId;
        info.Environment["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey;
        info.Environment["AWS_REGION"] = "us-east-1";
        info.Environment["CREDIR_USER"] = "carol";
        info.Environment["NO_COLOR"] = "1";
        using var process = System.Diagnostics.Process.Start(info)!;
        await process.StandardInput.WriteAsync("y\ny\ny\ny\ny\ny\n");
        await process.StandardInput.FlushAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var screen = await output;
        Assert.True(process.ExitCode == 0, screen);
        Assert.Contains("plan containment-1 (", screen, StringComparison.Ordinal);
        Assert.Contains("iam:UpdateAccessKey(Inactive)", screen, StringComparison.Ordinal);
        Assert.Contains("Approve? [y/N]", screen, StringComparison.Ordinal);
        Assert.Contains("approval containment-1-approval (containment-1): approved by carol", screen, StringComparison.Ordinal);
        Assert.Contains("phase recovered", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_WithTwoInputs_IsAUsageErrorOnOneLine()
    {
        var result = await host.RunAsync("respond", "--access-key", host.LeakedKey, "--principal-arn", "arn:aws:iam::111122223333:user/ci-deployer");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("credir: give exactly one of --access-key, --principal-arn or --finding", result.Stderr.Trim());
    }

    [Fact]
    public async Task Respond_ServerUnreachable_SaysSoOnOneLineAndExits1()
    {
        var result = await Credir.RunAsync(["respond", "--access-key", host.LeakedKey, "--server", "http://127.0.0.1:9"], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("credir: cannot reach the CredIr server at http://127.0.0.1:9/", line, StringComparison.Ordinal);
    }
}
