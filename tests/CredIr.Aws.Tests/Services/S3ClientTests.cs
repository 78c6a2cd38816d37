using System.Text;
using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Services;

public sealed class S3ClientTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task ListBuckets_ScenarioBucket_IsListed()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var buckets = (await clients.Admin().S3.ListBucketsAsync()).Buckets;

        Assert.Contains(buckets, b => b.Name == "evidence");
    }

    [Fact]
    public async Task ObjectWithSpacesInKey_PutHeadList_RoundTrips()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin().S3;

        var put = await s3.PutObjectAsync(new PutObjectRequest("evidence", "cases/INC 1/notes+draft.txt", Encoding.UTF8.GetBytes("hello"), "text/plain"));
        var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest("evidence", "cases/INC 1/notes+draft.txt"));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request("evidence", Prefix: "cases/")).ToListAsync();

        Assert.Equal(5, head.ContentLength);
        Assert.Equal(put.ETag, head.ETag);
        Assert.NotNull(put.VersionId);
        Assert.Equal("cases/INC 1/notes+draft.txt", Assert.Single(listed).Key);
    }

    [Fact]
    public async Task ListObjectsV2_ManyObjects_FollowsContinuationTokens()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin().S3;
        await s3.CreateBucketAsync(new CreateBucketRequest("many-objects"));
        for (var i = 0; i < 12; i++)
        {
            await s3.PutObjectAsync(new PutObjectRequest("many-objects", $"k/{i:D2}", Encoding.UTF8.GetBytes("x")));
        }

        clients.Counter.Reset();
        var objects = await s3.ListObjectsV2Async(new ListObjectsV2Request("many-objects", MaxKeys: 5)).ToListAsync();

        Assert.Equal(12, objects.Count);
        Assert.Equal(3, clients.Counter.Count);
    }

    [Fact]
    public async Task Versions_DeleteThenRemoveTheDeleteMarker_BringsTheObjectBack()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin().S3;
        var first = await s3.PutObjectAsync(new PutObjectRequest("evidence", "config.json", Encoding.UTF8.GetBytes("{\"v\":1}")));

        var deleted = await s3.DeleteObjectAsync(new DeleteObjectRequest("evidence", "config.json"));
        var versions = await s3.ListObjectVersionsAsync(new ListObjectVersionsRequest("evidence", Prefix: "config.json")).ToListAsync();
        var hidden = await Assert.ThrowsAsync<AwsServiceException>(() => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest("evidence", "config.json")));
        var oldVersion = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest("evidence", "config.json", first.VersionId));
        await s3.DeleteObjectAsync(new DeleteObjectRequest("evidence", "config.json", deleted.VersionId));
        var restored = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest("evidence", "config.json"));

        Assert.True(deleted.DeleteMarker);
        Assert.Contains(versions, v => v.IsDeleteMarker && v.IsLatest);
        Assert.Contains(versions, v => v.VersionId == first.VersionId && !v.IsDeleteMarker);
        Assert.Equal(404, (int)hidden.HttpStatus);
        Assert.Equal(7, oldVersion.ContentLength);
        Assert.Equal(first.VersionId, restored.VersionId);
        Assert.Equal(first.VersionId, restored.VersionId);
    }

    [Fact]
    public async Task BucketVersioning_NewBucket_CanBeEnabledAndTheEmptyBucketDeleted()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin(region: "eu-west-1").S3;
        await s3.CreateBucketAsync(new CreateBucketRequest("versioned-later"));

        var before = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest("versioned-later"));
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest("versioned-later", "Enabled"));
        var after = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest("versioned-later"));
        await s3.DeleteBucketAsync(new DeleteBucketRequest("versioned-later"));

        Assert.Null(before.Status);
        Assert.Equal("Enabled", after.Status);
        Assert.DoesNotContain((await s3.ListBucketsAsync()).Buckets, b => b.Name == "versioned-later");
    }

    [Fact]
    public async Task Errors_MissingBucketAndObject_AreTyped()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin().S3;

        var noBucket = await Assert.ThrowsAsync<AwsServiceException>(() => s3.ListObjectsV2Async(new ListObjectsV2Request("no-such-bucket")).ToListAsync());
        var noObject = await Assert.ThrowsAsync<AwsServiceException>(() => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest("evidence", "missing.txt")));
        var notEmpty = await Assert.ThrowsAsync<AwsServiceException>(() => s3.DeleteBucketAsync(new DeleteBucketRequest("evidence")));

        Assert.Equal("NoSuchBucket", noBucket.Code);
        Assert.Equal(404, (int)noObject.HttpStatus);
        Assert.Equal("NotFound", noObject.Code);
        Assert.Equal("BucketNotEmpty", notEmpty.Code);
    }
}
