using System.Text.Json;

namespace CredIr.Cli.Tests;

/// <summary>
/// Whom <c>credir serve</c> believes: without --dev (and without the gateway's key or a service token) a name a loopback
/// client declares is nobody, so it cannot approve and nothing runs; with --dev that name is believed, and serve says so
/// at start. A host of its own per test, since an approved plan deactivates the sandbox's leaked key.
/// </summary>
public sealed class ServeTrustTests : IAsyncLifetime
{
    private readonly ServedHost _plain = new() { DevelopmentMode = false };
    private readonly ServedHost _dev = new() { DevelopmentMode = true };

    public Task InitializeAsync() => Task.WhenAll(_plain.InitializeAsync(), _dev.InitializeAsync());

    [Fact]
    public async Task Approve_FromLoopbackWithoutDevMode_IsRefusedSayingHowAndNothingRuns()
    {
        var id = await OpenAsync(_plain);

        var approved = await _plain.RunAsAsync("bob", "incidents", "approve", id);

        Assert.Equal(1, approved.ExitCode);
        Assert.StartsWith("credir: PERMISSION_DENIED: An approval needs an authenticated approver", approved.Stderr, StringComparison.Ordinal);
        Assert.Contains("credir serve --dev", approved.Stderr, StringComparison.Ordinal);
        Assert.Contains("ServiceIdentity:Key", approved.Stderr, StringComparison.Ordinal);
        using var shown = JsonDocument.Parse((await _plain.RunAsync("incidents", "show", id, "--output", "json")).Stdout);
        Assert.All(shown.RootElement.GetProperty("approvals").EnumerateArray(), a => Assert.Equal("APPROVAL_DECISION_PENDING", a.GetProperty("decision").GetString()));
        Assert.False(shown.RootElement.TryGetProperty("journal", out var journal) && journal.EnumerateArray().Any(j => j.GetProperty("action").GetString() == "iam:UpdateAccessKey(Inactive)"), "the plan must not have run");
        Assert.Equal("Active", await _plain.LeakedKeyStatusAsync());
        Assert.DoesNotContain(_plain.StartLines, l => l.Contains("development mode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_FromLoopbackInDevMode_IsBelievedAndExecutesThePlan()
    {
        var id = await OpenAsync(_dev);

        var approved = await _dev.RunAsAsync("bob", "incidents", "approve", id);

        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.StartsWith("approval containment-1-approval (containment-1): approved by bob", approved.Stdout, StringComparison.Ordinal);
        Assert.Equal("Inactive", await _dev.LeakedKeyStatusAsync());
        Assert.Contains(_dev.StartLines, l => l.StartsWith("credir serve: WARNING: development mode (--dev", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _plain.DisposeAsync();
        await _dev.DisposeAsync();
    }

    // alice responds; with nobody at a terminal respond stops at the containment plan (exit 4).
    private static async Task<string> OpenAsync(ServedHost host)
    {
        var opened = await host.RunAsAsync("alice", "respond", "--access-key", host.LeakedKey, "--output", "json");
        Assert.True(opened.ExitCode == 4, opened.ToString());
        using var incident = JsonDocument.Parse(opened.Stdout);
        return incident.RootElement.GetProperty("incidentId").GetString()!;
    }
}
