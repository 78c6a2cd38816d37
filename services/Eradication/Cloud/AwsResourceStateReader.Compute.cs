using CredIr.Aws;
using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Cloud;

internal sealed partial class AwsResourceStateReader
{
    private async Task<ResourceState> InstanceAsync(TouchedResource instance, CancellationToken ct)
    {
        var ec2 = (await cloud.ScopeAsync(instance.AccountId, instance.Region, ct)).Ec2;
        var found = await ComputeState.InstanceAsync(ec2, instance.Id, ct);
        return found is null || found.State is "terminated"
            ? ResourceState.Gone
            : new ResourceState { Tags = found.Tags.ToDictionary(static t => t.Key, static t => t.Value, StringComparer.Ordinal) };
    }

    private async Task<ResourceState> FunctionAsync(TouchedResource function, CancellationToken ct)
    {
        var lambda = (await cloud.ScopeAsync(function.AccountId, function.Region, ct)).Lambda;
        var found = await lambda.GetFunctionAsync(new GetFunctionRequest(function.Id), ct);
        return new ResourceState { Tags = found.Tags };
    }

    private async Task<ResourceState> SecurityGroupAsync(TouchedResource group, CancellationToken ct)
    {
        var ec2 = (await cloud.ScopeAsync(group.AccountId, group.Region, ct)).Ec2;
        return await ComputeState.SecurityGroupAsync(ec2, group.Id, ct) is { } found
            ? new ResourceState { Tags = found.Tags.ToDictionary(static t => t.Key, static t => t.Value, StringComparer.Ordinal) }
            : ResourceState.Gone;
    }

    private async Task<ResourceState> KeyPairAsync(TouchedResource keyPair, CancellationToken ct)
    {
        var ec2 = (await cloud.ScopeAsync(keyPair.AccountId, keyPair.Region, ct)).Ec2;
        return await ComputeState.KeyPairAsync(ec2, keyPair.Id, ct) is { } found
            ? new ResourceState { Tags = found.Tags.ToDictionary(static t => t.Key, static t => t.Value, StringComparer.Ordinal) }
            : ResourceState.Gone;
    }
}
