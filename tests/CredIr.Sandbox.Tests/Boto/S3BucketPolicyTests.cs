using System.Text.Json;

namespace CredIr.Sandbox.Tests.Boto;

[Collection(FidelityCollection.Name)]
public sealed class S3BucketPolicyTests(FidelityFixture fixture)
{
    private JsonElement Policy => fixture.Result.GetProperty("bucketPolicy");

    private string Code(string name) => Policy.GetProperty(name).GetProperty("code").GetString()!;

    [Fact]
    public void ADenyBucketPolicy_IsStoredAndReturned_AndDeniesTheOwnersOwnAdmin_UntilDeleted()
    {
        Assert.Equal("NoSuchBucketPolicy", Code("before"));
        Assert.Equal("Isolate", Policy.GetProperty("stored").GetString());
        Assert.Equal("AccessDenied", Code("ownerDenied"));
        Assert.Contains("explicit deny in a resource-based policy", Policy.GetProperty("ownerDenied").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("id,email\n1,ada@example.com\n", Policy.GetProperty("ownerAfterDelete").GetString());
    }

    [Fact]
    public void AnotherAccount_IsDeniedWithoutAGrant_AndLetInByAnAllow_ButNeverReachesThePolicyItself()
    {
        Assert.Equal("AccessDenied", Code("otherBefore"));
        Assert.Equal("id,email\n1,ada@example.com\n", Policy.GetProperty("otherGranted").GetString());
        Assert.Equal("AccessDenied", Code("otherPut"));
        Assert.Equal("MethodNotAllowed", Code("otherGetPolicy"));
        Assert.Equal(405, Policy.GetProperty("otherGetPolicy").GetProperty("status").GetInt32());
        Assert.Equal("MalformedPolicy", Code("malformed"));
    }

    [Fact]
    public void BucketPolicyCalls_AreManagementEvents_RecordingThePolicy()
    {
        var events = fixture.Sandbox.Trail.All(fixture.ProdAccountId);
        var put = events.First(e => e.EventName == "PutBucketPolicy");
        Assert.True(put.ManagementEvent);
        using var record = JsonDocument.Parse(put.Json);
        var parameters = record.RootElement.GetProperty("requestParameters");
        Assert.Equal("Isolate", parameters.GetProperty("bucketPolicy").GetProperty("Statement")[0].GetProperty("Sid").GetString());
        Assert.Contains(events, e => e.EventName == "DeleteBucketPolicy");
        Assert.Contains(events, e => e.EventName == "GetBucketPolicy" && e.ReadOnly);
    }
}
