using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Cloud;

internal sealed partial class AwsResourceStateReader
{
    private async Task<ResourceState> BucketAsync(TouchedResource bucket, CancellationToken ct)
    {
        var s3 = await StorageState.BucketClientAsync(cloud, bucket.AccountId, bucket.Id, ct);
        return new ResourceState { HasObjects = await StorageState.HasObjectsAsync(s3, bucket.Id, ct) };
    }
}
