using System.Diagnostics;
using System.Text.Json;
using CredIr.Sandbox;

namespace CredIr.Recovery.Tests.Cloud;

/// <summary>
/// The sandbox calls recovery relies on (IAM tags and permissions boundaries, EC2 security groups, instance
/// attributes and snapshots) made by an independent client: boto3 parses every answer with botocore's models.
/// </summary>
public sealed class BotoRecoveryCallsTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = RepoRoot.Combine("sandbox", "scenarios", "multi-account-org.json") }, CancellationToken.None);

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Boto3_RecoveryCalls_AnswerInTheShapesAndErrorsOfTheBotocoreModels()
    {
        var result = await RunAsync("recovery_calls.py");

        Assert.Equal("""[{"Key":"team","Value":"b"},{"Key":"tier","Value":""}]""", result.GetProperty("userTags").GetRawText());
        Assert.Equal(result.GetProperty("userTags").GetRawText(), result.GetProperty("listedUserTags").GetRawText());
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", result.GetProperty("userBoundary").GetProperty("PermissionsBoundaryArn").GetString());
        Assert.Equal("Policy", result.GetProperty("userBoundary").GetProperty("PermissionsBoundaryType").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("userBoundaryAfterDelete").ValueKind);
        Assert.Equal("NoSuchEntity", result.GetProperty("missingBoundaryPolicy").GetString());
        Assert.Equal("""[{"Key":"owner","Value":"ops"}]""", result.GetProperty("roleTags").GetRawText());
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", result.GetProperty("roleBoundary").GetProperty("PermissionsBoundaryArn").GetString());

        Assert.Equal("""[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]""", result.GetProperty("newGroupEgress").GetRawText());
        Assert.True(result.GetProperty("revoke").GetBoolean());
        Assert.Equal("InvalidPermission.NotFound", result.GetProperty("revokeAgain").GetString());
        Assert.Equal("InvalidGroup.Duplicate", result.GetProperty("duplicateGroup").GetString());
        var group = result.GetProperty("foundGroup");
        Assert.Equal("[]", group.GetProperty("egress").GetRawText());
        Assert.Equal("""[{"Key":"k","Value":"v"}]""", group.GetProperty("tags").GetRawText());
        var groupId = group.GetProperty("id").GetString();
        Assert.Equal($$"""[{"GroupName":"isolation","GroupId":"{{groupId}}"}]""", result.GetProperty("groupSet").GetRawText());
        Assert.Equal(result.GetProperty("groupSet").GetRawText(), result.GetProperty("instanceGroups").GetRawText());
        Assert.True(result.GetProperty("protection").GetProperty("Value").GetBoolean());
        Assert.Equal("OperationNotPermitted", result.GetProperty("terminateProtected").GetString());
        var snapshot = result.GetProperty("snapshot");
        Assert.Equal(("pending", 8), (snapshot.GetProperty("state").GetString(), snapshot.GetProperty("volumeSize").GetInt32()));
        Assert.StartsWith("vol-", snapshot.GetProperty("volumeId").GetString(), StringComparison.Ordinal);
        Assert.Equal([result.GetProperty("snapshotId").GetString()], result.GetProperty("snapshotsByTag").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("InvalidVolume.NotFound", result.GetProperty("unknownVolume").GetString());
    }

    private async Task<JsonElement> RunAsync(string script)
    {
        var admin = _sandbox.Accounts[0];
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Python", script));
        start.Environment["SANDBOX_INPUT"] = JsonSerializer.Serialize(new
        {
            endpoint = _sandbox.Endpoint.ToString().TrimEnd('/'),
            accessKeyId = admin.AdminAccessKeyId,
            secretAccessKey = admin.AdminSecretAccessKey,
        });
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Limit.TotalSeconds} s; stderr: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
