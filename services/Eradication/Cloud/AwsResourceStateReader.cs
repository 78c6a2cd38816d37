using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Cloud;

/// <summary>
/// <see cref="IResourceStateReader"/> over the AWS clients: what exists now of each resource the actor created,
/// read in its own account (and region) through the organization's response role. A resource AWS no longer has
/// (NoSuchEntity, NoSuchBucket, ResourceNotFoundException, a terminated instance) is gone.
/// </summary>
internal sealed partial class AwsResourceStateReader(CloudSession cloud) : IResourceStateReader, IDisposable
{
    public async Task<ResourceState> ReadAsync(TouchedResource resource, CancellationToken cancellationToken)
    {
        try
        {
            return resource.Type switch
            {
                "AWS::IAM::User" => await UserAsync(resource, cancellationToken),
                "AWS::IAM::Role" => await RoleAsync(resource, cancellationToken),
                "AWS::IAM::InstanceProfile" => await InstanceProfileAsync(resource, cancellationToken),
                "AWS::IAM::ManagedPolicy" => await ManagedPolicyAsync(resource, cancellationToken),
                "AWS::IAM::AccessKey" => await AccessKeyAsync(resource, cancellationToken),
                "AWS::IAM::LoginProfile" => await LoginProfileAsync(resource, cancellationToken),
                "AWS::IAM::MFADevice" => await VirtualMfaDeviceAsync(resource, cancellationToken),
                "AWS::EC2::Instance" => await InstanceAsync(resource, cancellationToken),
                "AWS::EC2::SecurityGroup" => await SecurityGroupAsync(resource, cancellationToken),
                "AWS::EC2::KeyPair" => await KeyPairAsync(resource, cancellationToken),
                "AWS::Lambda::Function" => await FunctionAsync(resource, cancellationToken),
                "AWS::S3::Bucket" => await BucketAsync(resource, cancellationToken),
                // Types without a reader are planned as they were recorded: existing, with no parts to remove first.
                _ => new ResourceState(),
            };
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return ResourceState.Gone;
        }
    }

    public void Dispose() => cloud.Dispose();

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
