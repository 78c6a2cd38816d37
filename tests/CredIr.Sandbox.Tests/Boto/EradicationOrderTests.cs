using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>
/// What eradication relies on, through boto3: AWS refuses to delete a user, role, instance profile, policy or bucket
/// while something still depends on it, and accepts once the parts are gone in order; tags on users, roles, buckets
/// and functions read back as AWS returns them.
/// </summary>
public sealed class EradicationOrderTests
{
    private static string Compact(JsonElement json) => JsonSerializer.Serialize(json);

    private static string? Code(JsonElement error) => error.ValueKind == JsonValueKind.Null ? null : error.GetProperty("code").GetString();

    [Fact]
    public async Task DeletingBeforeTheParts_IsRefusedWithDeleteConflict_InOrderSucceeds_AndTagsReadBack()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var result = await Boto3.RunAsync("eradication_order.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials));

        var userConflicts = result.GetProperty("userConflicts").EnumerateArray().ToList();
        Assert.All(userConflicts, e => Assert.Equal("DeleteConflict", Code(e)));
        Assert.All(userConflicts, e => Assert.Equal(409, e.GetProperty("status").GetInt32()));
        Assert.Equal(4, userConflicts.Count);
        Assert.Null(Code(result.GetProperty("userDeleted")));
        foreach (var refused in new[] { "roleInProfile", "profileWithRole", "policyAttached", "roleWithPolicy", "policyWithVersions" })
        {
            Assert.Equal("DeleteConflict", Code(result.GetProperty(refused)));
        }

        Assert.Contains("delete the policy's versions", result.GetProperty("policyWithVersions").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(Code(result.GetProperty("policyDeleted")));
        Assert.Null(Code(result.GetProperty("roleDeleted")));
        Assert.Equal("BucketNotEmpty", Code(result.GetProperty("bucketNotEmpty")));
        Assert.Null(Code(result.GetProperty("bucketDeleted")));

        // IAM tag keys ignore case: APP replaced app's value and kept the key as first given.
        Assert.Equal("""[{"Key":"app","Value":"payments"},{"Key":"team","Value":"red"}]""", Compact(result.GetProperty("userTags")));
        Assert.Equal(Compact(result.GetProperty("userTags")), Compact(result.GetProperty("getUserTags")));
        Assert.Equal("""["app"]""", Compact(result.GetProperty("userTagsAfterUntag")));
        Assert.Equal("""[{"Key":"app","Value":"pay"}]""", Compact(result.GetProperty("roleTags")));
        Assert.Equal("""[{"Key":"app","Value":"pay"}]""", Compact(result.GetProperty("getRoleTags")));
        Assert.Equal("NoSuchTagSet", Code(result.GetProperty("noTagSet")));
        Assert.Equal("""[{"Key":"app","Value":"pay"}]""", Compact(result.GetProperty("bucketTags")));
        Assert.Equal("InvalidTag", Code(result.GetProperty("duplicateTag")));
        Assert.Equal("NoSuchTagSet", Code(result.GetProperty("tagsDeleted")));
        Assert.Equal("""{"app":"pay"}""", Compact(result.GetProperty("functionTags")));
    }
}
