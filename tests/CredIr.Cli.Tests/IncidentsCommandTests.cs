using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CredIr.Cli.Tests;

/// <summary>
/// <c>credir incidents</c>, <c>report</c> and <c>evidence verify</c> against a served host. Each test
/// opens its own incident with <c>respond</c> (which stops at the first approval in a pipe).
/// </summary>
[Collection(ServedHostCollection.Name)]
public sealed class IncidentsCommandTests(ServedHost host)
{
    [Fact]
    public async Task List_AfterRespond_ShowsTheIncidentInTableAndJson()
    {
        var id = await OpenAsync();

        var table = await host.RunAsync("incidents", "list");
        var json = await host.RunAsync("incidents", "list", "--output", "json", "--phase", "containing");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(table.Stdout.Split('\n'), l => l.Contains(id, StringComparison.Ordinal) && l.Contains("containing", StringComparison.Ordinal) && l.Contains("containment-1-approval", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', table.Stdout);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("incidentId").GetString() == id);
    }

    [Fact]
    public async Task Show_Incident_PrintsPhaseWaitingForCredentialsAndPendingPlan()
    {
        var id = await OpenAsync();

        var result = await host.RunAsync("incidents", "show", id);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{id}  phase containing", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("waiting for: approval containment-1-approval", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(host.LeakedKey, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.Stdout.Split('\n'), l => l.Contains("containment-1", StringComparison.Ordinal) && l.Contains("pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_UnknownIncident_PrintsNotFoundOnOneLineAndExits1()
    {
        var result = await host.RunAsync("incidents", "show", "inc-20200101-000000-00000000");

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("credir: NOT_FOUND: ", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task List_ServerUnreachable_SaysWhereAndHowToStartOne()
    {
        var result = await Credir.RunAsync(["incidents", "list", "--server", "http://127.0.0.1:9"], TimeSpan.FromMinutes(2));

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("cannot reach the CredIr server at http://127.0.0.1:9/", line, StringComparison.Ordinal);
        Assert.Contains("credir serve", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByTheRequester_IsRefusedByTheTwoPersonRule()
    {
        var id = await OpenAsync();

        var result = await host.RunAsAsync("alice", "incidents", "approve", id);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("credir: PERMISSION_DENIED: Two-person rule: alice requested approval containment-1-approval", line, StringComparison.Ordinal);
    }

    // --no-advance: executing the plan would deactivate the sandbox's leaked key under the other tests' feet.
    [Fact]
    public async Task Approve_BySomeoneElse_RecordsRequesterAndApprover()
    {
        var id = await OpenAsync();

        var result = await host.RunAsAsync("bob", "incidents", "approve", id, "--reason", "checked with the owner", "--no-advance");
        var shown = await host.RunAsync("incidents", "show", id, "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("approval containment-1-approval (containment-1): approved by bob", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"incident {id}: phase containing, waiting for the next step of the playbook (advance)", result.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(shown.Stdout);
        var approval = doc.RootElement.GetProperty("approvals").EnumerateArray().Single(a => a.GetProperty("approvalId").GetString() == "containment-1-approval");
        Assert.Equal("APPROVAL_DECISION_APPROVED", approval.GetProperty("decision").GetString());
        Assert.Equal("bob", approval.GetProperty("decidedBy").GetString());
        Assert.Equal("alice", approval.GetProperty("requestedBy").GetString());
        Assert.Equal("checked with the owner", approval.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Watch_ThenClose_PrintsTheCurrentStateAndTheClosingAndExits0()
    {
        var id = await OpenAsync();
        using var watch = Process.Start(Credir.StartInfo(["incidents", "watch", id, "--server", host.Url], new Dictionary<string, string> { ["NO_COLOR"] = "1" }))!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var first = await watch.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.Contains($"incident {id}: phase containing", first, StringComparison.Ordinal);

            var close = await host.RunAsync("incidents", "close", id, "--force", "--reason", "game day drill");
            Assert.True(close.ExitCode == 0, close.ToString());
            Assert.Contains($"incident {id}: phase closed", close.Stdout, StringComparison.Ordinal);

            var rest = await watch.StandardOutput.ReadToEndAsync(timeout.Token);
            await watch.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, watch.ExitCode);
            Assert.Contains("closed with force by alice: game day drill", rest, StringComparison.Ordinal);
        }
        finally
        {
            if (!watch.HasExited)
            {
                watch.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Close_ForceWithoutReason_IsAUsageError()
    {
        var result = await host.RunAsync("incidents", "close", "inc-20200101-000000-00000000", "--force");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("credir: --force needs --reason: the report says why the incident closed early", result.Stderr.Trim());
    }

    [Fact]
    public async Task EvidenceVerify_FreshIncident_IsIntactWithItsEntryCount()
    {
        var id = await OpenAsync();

        var table = await host.RunAsync("evidence", "verify", id);
        var json = await host.RunAsync("evidence", "verify", id, "--output", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Matches($"^evidence of {id}: intact, [1-9][0-9]* entries, head [0-9a-f]{{64}}$", table.Stdout.Trim());
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.True(doc.RootElement.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task EvidenceVerify_AnEntryAlteredInTheStore_NamesItAndExits1()
    {
        var id = await OpenAsync();
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(host.Folder, "credir.db")}"))
        {
            await db.OpenAsync();
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE evidence SET summary = 'nothing happened here' WHERE incident_id = $id AND sequence = 2";
            update.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var result = await host.RunAsync("evidence", "verify", id);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal($"credir: evidence of {id} is NOT intact: entry 2 was altered: its content does not match its hash", line);
    }

    [Fact]
    public async Task Report_JsonToFile_WritesTheIncidentsReport()
    {
        var id = await OpenAsync();
        var path = Path.Combine(host.Folder, $"{id}.json");

        var result = await host.RunAsync("report", id, "--format", "json", "--out", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"wrote {path}", result.Stderr.Trim());
        Assert.Contains(id, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    private async Task<string> OpenAsync()
    {
        var result = await host.RunAsync("respond", "--access-key", host.LeakedKey, "--output", "json");
        Assert.True(result.ExitCode == 4, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.GetProperty("incidentId").GetString()!;
    }
}
