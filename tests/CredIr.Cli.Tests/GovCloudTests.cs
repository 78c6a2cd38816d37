using System.Text.Json;

namespace CredIr.Cli.Tests;

/// <summary>
/// The single-account scenario with its organization in AWS GovCloud (US), run end to end as a
/// responder there runs it: <c>credir serve</c> signing for us-gov-west-1, <c>credir respond</c>, then
/// <c>credir report</c>. The sandbox refuses any request signed for a commercial region (as GovCloud
/// does not know commercial credentials), and records IAM events only in us-gov-west-1, so a
/// region or ARN of the commercial partition anywhere in the response shows up here.
/// </summary>
public sealed class GovCloudTests : IAsyncLifetime
{
    private const string HomeRegion = "us-gov-west-1";
    private readonly string _scenario = Path.Combine(Path.GetTempPath(), $"credir-govcloud-{Guid.NewGuid():N}.json");
    private ServedHost _host = null!;

    public async Task InitializeAsync()
    {
        // The shipped scenario, moved to the aws-us-gov partition: its ARNs, regions and finding.
        var commercial = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json"));
        var gov = commercial
            .Replace("\"seed\":", "\"partition\": \"aws-us-gov\",\n  \"seed\":", StringComparison.Ordinal)
            .Replace("\"regions\": [\"us-east-1\", \"us-east-2\", \"us-west-1\", \"us-west-2\", \"eu-west-1\", \"eu-central-1\", \"ap-southeast-1\"]", "\"regions\": [\"us-gov-west-1\", \"us-gov-east-1\"]", StringComparison.Ordinal)
            .Replace("arn:aws:", "arn:aws-us-gov:", StringComparison.Ordinal)
            .Replace("us-east-1", HomeRegion, StringComparison.Ordinal)
            .Replace("\"partition\": \"aws\"", "\"partition\": \"aws-us-gov\"", StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws:", gov, StringComparison.Ordinal);
        await File.WriteAllTextAsync(_scenario, gov);
        _host = new ServedHost(_scenario, HomeRegion);
        await _host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_scenario);
    }

    [Fact]
    public async Task Respond_InAwsUsGov_ContainsTheDerivedKeyFoundInTheHomeRegionAndReportsGovCloudArns()
    {
        var respond = await _host.RunAsync("respond", "--access-key", _host.LeakedKey, "--auto-approve", "--output", "json");

        Assert.True(respond.ExitCode == 0, respond.ToString());
        using var incident = JsonDocument.Parse(respond.Stdout);
        var root = incident.RootElement;
        Assert.Equal("PHASE_RECOVERED", root.GetProperty("phase").GetString());
        var credentials = root.GetProperty("credentials").EnumerateArray().ToList();
        // backup-svc's key is known only from its CreateAccessKey event, which CloudTrail holds in us-gov-west-1.
        Assert.Contains(credentials, c => c.TryGetProperty("accessKeyId", out var k) && k.GetString() == "AKIA5BACKUPSVCPERSI7");
        Assert.All(credentials.Where(c => c.TryGetProperty("principalArn", out _)), c =>
            Assert.StartsWith("arn:aws-us-gov:", c.GetProperty("principalArn").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("arn:aws:", respond.Stdout, StringComparison.Ordinal);

        var incidentId = root.GetProperty("incidentId").GetString()!;
        var report = await _host.RunAsync("report", incidentId, "--format", "json");

        Assert.True(report.ExitCode == 0, report.ToString());
        using var json = JsonDocument.Parse(report.Stdout);
        var actorActions = json.RootElement.GetProperty("timeline").GetProperty("actorActions").EnumerateArray().ToList();
        var createKey = Assert.Single(actorActions, a => a.GetProperty("eventName").GetString() == "CreateAccessKey");
        Assert.Equal(HomeRegion, createKey.GetProperty("region").GetString());
        Assert.StartsWith("arn:aws-us-gov:iam::111122223333:user/ci-deployer", createKey.GetProperty("principalArn").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws:", report.Stdout, StringComparison.Ordinal);
    }
}
