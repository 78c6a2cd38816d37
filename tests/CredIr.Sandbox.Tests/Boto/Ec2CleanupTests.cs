using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>
/// What eradicating an actor's EC2 leftovers relies on, through boto3: a security group in use by an instance is
/// refused with DependencyViolation and deleted once the instance is terminated; key pairs made or imported are
/// described and deleted; CloudTrail records them without the private key.
/// </summary>
public sealed class Ec2CleanupTests
{
    private static string? Code(JsonElement error) => error.ValueKind == JsonValueKind.Null ? null : error.GetProperty("code").GetString();

    [Fact]
    public async Task SecurityGroupInUse_DependencyViolation_ThenDeletedAfterTermination_KeyPairsDeleted()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var result = await Boto3.RunAsync("ec2_cleanup.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials));

        var groupInUse = result.GetProperty("groupInUse");
        Assert.Equal("DependencyViolation", Code(groupInUse));
        Assert.Equal(400, groupInUse.GetProperty("status").GetInt32());
        Assert.Single(result.GetProperty("instanceGroups").EnumerateArray());
        Assert.Equal("InvalidGroup.NotFound", Code(result.GetProperty("unknownGroupAtLaunch")));
        Assert.Null(Code(result.GetProperty("groupDeleted")));
        Assert.Equal("InvalidGroup.NotFound", Code(result.GetProperty("groupGone")));
        Assert.Equal("InvalidKeyPair.Duplicate", Code(result.GetProperty("duplicateKey")));
        Assert.Equal("InvalidKey.Format", Code(result.GetProperty("badImport")));
        Assert.Equal("-----BEGIN RSA PRIVATE KEY-----", result.GetProperty("keyMaterialHead").GetString());
        Assert.StartsWith("key-", result.GetProperty("createdKey").GetProperty("KeyPairId").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2}){15}$", result.GetProperty("importedKey").GetProperty("KeyFingerprint").GetString());
        Assert.StartsWith("ssh-ed25519 ", result.GetProperty("publicKey").GetString(), StringComparison.Ordinal);
        Assert.Equal(["actor-imported", "actor-key"], result.GetProperty("keysBefore").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(Code(result.GetProperty("keyDeleted")));
        Assert.Null(Code(result.GetProperty("importedDeleted")));
        // EC2 answers success for a key pair that is already gone.
        Assert.Null(Code(result.GetProperty("missingKeyDeleted")));
        Assert.Equal("InvalidKeyPair.NotFound", Code(result.GetProperty("keyGone")));
        Assert.Empty(result.GetProperty("keysAfter").EnumerateArray());
    }

    [Fact]
    public async Task CreateKeyPair_RecordedInCloudTrail_WithoutThePrivateKey()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        await Boto3.RunAsync("ec2_cleanup.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials));

        var events = sandbox.Trail.All().Where(e => e.EventSource == "ec2.amazonaws.com").ToList();
        var create = JsonDocument.Parse(events.First(e => e.EventName == "CreateKeyPair" && !e.Json.Contains("errorCode", StringComparison.Ordinal)).Json).RootElement;
        Assert.Equal("actor-key", create.GetProperty("requestParameters").GetProperty("keyName").GetString());
        Assert.Equal("<sensitiveDataRemoved>", create.GetProperty("responseElements").GetProperty("keyMaterial").GetString());
        Assert.DoesNotContain("PRIVATE KEY", create.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(events, e => e.EventName == "ImportKeyPair");
        Assert.Contains(events, e => e.EventName == "DeleteKeyPair");
        var deletes = events.Where(e => e.EventName == "DeleteSecurityGroup")
            .Select(e => JsonDocument.Parse(e.Json).RootElement)
            .Select(r => r.TryGetProperty("errorCode", out var code) ? code.GetString() : "deleted");
        Assert.Equal(["DependencyViolation", "deleted", "InvalidGroup.NotFound"], deletes);
    }
}
