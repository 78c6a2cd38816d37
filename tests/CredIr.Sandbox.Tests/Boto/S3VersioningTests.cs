using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class S3VersioningTests
{
    [Fact]
    public async Task ActorsDeleteInVersionedBucket_LeavesTheOriginal_AndDeletingTheMarkerRestoresIt()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);

        var result = await Boto3.RunAsync("s3_versions.py", Boto3.Input(sandbox, sandbox.Accounts[1].AdminCredentials,
            new { bucket = "acme-prod-data", key = "backups/db-2026-11-20.sql" }));

        Assert.Equal("Enabled", result.GetProperty("versioning").GetString());
        Assert.Equal("NoSuchKey", result.GetProperty("current").GetProperty("code").GetString());
        Assert.Equal([true], result.GetProperty("deleteMarkers").EnumerateArray().Select(e => e.GetBoolean()));
        Assert.Equal("-- dump\n", result.GetProperty("restored").GetString());
        Assert.Equal("-- dump\n", result.GetProperty("undeleted").GetString());
    }
}
