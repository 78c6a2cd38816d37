using System.Text.Json;
using Xunit.Abstractions;

namespace CredIr.Cli.Tests;

/// <summary>
/// Two people on one served coordinator: alice runs respond (it stops at the containment plan),
/// bob approves and the playbook goes on under his approval. A host of its own, since the plan
/// deactivates the sandbox's leaked key.
/// </summary>
public sealed class ApproveFlowTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ServedHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    [Fact]
    public async Task Approve_BySecondPerson_ExecutesThePlanUnderTheirNameAndRunsOnToTheNextApproval()
    {
        var opened = await _host.RunAsAsync("alice", "respond", "--access-key", _host.LeakedKey, "--output", "json");
        Assert.True(opened.ExitCode == 4, opened.ToString());
        using var incident = JsonDocument.Parse(opened.Stdout);
        var id = incident.RootElement.GetProperty("incidentId").GetString()!;

        var approved = await _host.RunAsAsync("bob", "incidents", "approve", id);
        var shown = await _host.RunAsync("incidents", "show", id, "--output", "json");

        output.WriteLine(approved.ToString());
        Assert.True(approved.ExitCode == 0, approved.ToString());
        var lines = approved.Stdout.Trim().Split('\n');
        Assert.Equal("approval containment-1-approval (containment-1): approved by bob", lines[0]);
        Assert.StartsWith($"incident {id}: phase ", lines[1], StringComparison.Ordinal);
        Assert.Contains("waiting for approval ", lines[1], StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(shown.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("journal").EnumerateArray(), j =>
            j.GetProperty("action").GetString() == "iam:UpdateAccessKey(Inactive)"
            && j.GetProperty("status").GetString() == "STEP_STATUS_SUCCEEDED"
            && j.GetProperty("approvedBy").GetString() == "bob");
        var pending = doc.RootElement.GetProperty("approvals").EnumerateArray().Single(a => a.GetProperty("decision").GetString() == "APPROVAL_DECISION_PENDING");
        Assert.Equal("bob", pending.GetProperty("requestedBy").GetString());
    }

    public Task DisposeAsync() => _host.DisposeAsync();
}
