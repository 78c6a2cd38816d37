using System.Text.Json;

namespace CredIr.Cli.Tests;

/// <summary>
/// <c>credir respond --athena</c> against <c>credir serve</c>: the server's operator configured where Athena looks and
/// writes (a named target over the sandbox's organization trail); the responder only chooses the target by name.
/// </summary>
public sealed class RespondAthenaServerTests : IAsyncLifetime
{
    private readonly string _scenario = Path.Combine(Path.GetTempPath(), $"credir-athena-{Guid.NewGuid():N}.json");
    private ServedHost _host = null!;

    public async Task InitializeAsync()
    {
        // The shipped scenario with a bucket for Athena's query results.
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json"));
        await File.WriteAllTextAsync(_scenario, shipped.Replace("\"buckets\": [", "\"buckets\": [\n      { \"name\": \"athena-results\", \"region\": \"us-east-1\" },", StringComparison.Ordinal));
        _host = new ServedHost(_scenario, "us-east-1", static sandbox =>
        [
            "--Eradication:Athena:Targets:org:OutputLocation=s3://athena-results/incidents/",
            $"--Eradication:Athena:Targets:org:TrailLocation=s3://org-trail/AWSLogs/{sandbox.OrganizationId}/",
            "--Eradication:Athena:Targets:org:CreateTable=true",
        ]);
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_scenario);
    }

    [Fact]
    public async Task Respond_ThroughAServersNamedAthenaTarget_ScansThroughAthenaAndSeesTheExfiltration()
    {
        var result = await _host.RunAsync("respond", "--access-key", _host.LeakedKey, "--athena", "--athena-target", "org", "--auto-approve", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(_host.Sandbox.Athena.QueriesStarted >= 2, $"the server ran {_host.Sandbox.Athena.QueriesStarted} Athena queries");
        using var incident = JsonDocument.Parse(result.Stdout);
        var root = incident.RootElement;
        Assert.Equal("PHASE_RECOVERED", root.GetProperty("phase").GetString());
        Assert.Equal("TRAIL_SOURCE_KIND_ATHENA", root.GetProperty("trailSource").GetString());
        Assert.Equal("org", root.GetProperty("athenaTarget").GetString());
        // The two S3 GetObject data events (the exfiltration) LookupEvents never shows.
        Assert.Equal("2", root.GetProperty("findings").GetProperty("eventsByCategory").GetProperty("SensitiveDataAccess").GetString());
        // The watch after containment asked Athena too: data events of the contained key would have shown there.
        Assert.EndsWith("Data events (such as S3 GetObject) were watched through Athena over the organization trail.", root.GetProperty("verification").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_AnAthenaTargetTheServerDoesNotHave_IsRefusedBeforeOpening_NamingTheConfiguredOnes()
    {
        var result = await _host.RunAsync("respond", "--access-key", _host.LeakedKey, "--athena", "--athena-target", "prod", "--auto-approve", "--output", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("FAILED_PRECONDITION", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'prod' is not an Athena target", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("configured: org", result.Stderr, StringComparison.Ordinal);
        var list = await _host.RunAsync("incidents", "list", "--output", "json");
        Assert.DoesNotContain("\"prod\"", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_WithAServer_AndAnAthenaOutputLocation_IsAUsageError_TheServerSaysWhereAthenaWrites()
    {
        var result = await _host.RunAsync("respond", "--access-key", _host.LeakedKey, "--athena", "--athena-output", "s3://my-own-bucket/");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("with --server, where Athena looks and writes is the server's configuration", result.Stderr, StringComparison.Ordinal);
    }
}
