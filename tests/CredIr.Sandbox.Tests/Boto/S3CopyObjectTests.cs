using System.Text.Json;

namespace CredIr.Sandbox.Tests.Boto;

[Collection(FidelityCollection.Name)]
public sealed class S3CopyObjectTests(FidelityFixture fixture)
{
    private JsonElement Copy => fixture.Result.GetProperty("s3Copy");

    [Fact]
    public void CopyingAPriorVersionOntoItsKey_RestoresTheOverwrittenObject_AsANewVersion()
    {
        Assert.Equal("{\"v\":1}", Copy.GetProperty("restored").GetString());
        Assert.Equal(Copy.GetProperty("firstEtag").GetString(), Copy.GetProperty("etag").GetString());
        Assert.True(Copy.GetProperty("hasLastModified").GetBoolean());
        Assert.Equal(Copy.GetProperty("firstVersionId").GetString(), Copy.GetProperty("copySourceVersionId").GetString());
        Assert.Equal(Copy.GetProperty("versionId").GetString(), Copy.GetProperty("restoredVersionId").GetString());
        Assert.NotEqual(Copy.GetProperty("firstVersionId").GetString(), Copy.GetProperty("versionId").GetString());
        Assert.Equal("application/json", Copy.GetProperty("restoredContentType").GetString());
    }

    [Fact]
    public void CopyingTheCurrentObject_ToAnotherKeyWithSpecialCharacters_CopiesItsContent()
    {
        Assert.Equal("{\"v\":1}", Copy.GetProperty("plainCopy").GetString());
    }

    [Fact]
    public void CopyingAMissingSource_FailsAsS3Does()
    {
        Assert.Equal("NoSuchKey", Copy.GetProperty("noSuchKey").GetProperty("code").GetString());
        Assert.Equal(404, Copy.GetProperty("noSuchKey").GetProperty("status").GetInt32());
        Assert.Equal("NoSuchVersion", Copy.GetProperty("noSuchVersion").GetProperty("code").GetString());
        Assert.Equal("InvalidRequest", Copy.GetProperty("toItself").GetProperty("code").GetString());
    }

    [Fact]
    public void CopyObject_IsRecordedAsADataEvent_NamingTheSource()
    {
        var copies = fixture.Sandbox.Trail.All().Where(e => e.EventName == "CopyObject" && e.AccountId == fixture.ProdAccountId).ToList();
        Assert.NotEmpty(copies);
        Assert.All(copies, e => Assert.False(e.ManagementEvent));
        using var record = JsonDocument.Parse(copies[0].Json);
        var parameters = record.RootElement.GetProperty("requestParameters");
        Assert.Equal(FidelityFixture.Bucket, parameters.GetProperty("bucketName").GetString());
        Assert.StartsWith(FidelityFixture.Bucket + "/config/app.json", parameters.GetProperty("x-amz-copy-source").GetString(), StringComparison.Ordinal);
        Assert.Equal("Data", record.RootElement.GetProperty("eventCategory").GetString());
    }
}
