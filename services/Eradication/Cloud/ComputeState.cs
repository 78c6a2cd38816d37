using CredIr.Aws;

namespace CredIr.Eradication.Cloud;

/// <summary>Reads of compute resources shared by the state reader and the executor.</summary>
internal static class ComputeState
{
    /// <summary>The instance as EC2 describes it now, or null when EC2 no longer knows it.</summary>
    public static async Task<Ec2Instance?> InstanceAsync(Ec2Client ec2, string instanceId, CancellationToken ct)
    {
        try
        {
            await foreach (var instance in ec2.DescribeInstancesAsync(new DescribeInstancesRequest(InstanceIds: [instanceId]), ct).WithCancellation(ct))
            {
                if (string.Equals(instance.InstanceId, instanceId, StringComparison.Ordinal))
                {
                    return instance;
                }
            }
        }
        catch (AwsServiceException e) when (e.Code is "InvalidInstanceID.NotFound" or "InvalidInstanceID.Malformed")
        {
        }

        return null;
    }

    /// <summary>The security group as EC2 describes it now, or null when EC2 no longer knows it.</summary>
    public static async Task<Ec2SecurityGroup?> SecurityGroupAsync(Ec2Client ec2, string groupId, CancellationToken ct)
    {
        try
        {
            await foreach (var group in ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(GroupIds: [groupId]), ct).WithCancellation(ct))
            {
                if (string.Equals(group.GroupId, groupId, StringComparison.Ordinal))
                {
                    return group;
                }
            }
        }
        catch (AwsServiceException e) when (e.Code is "InvalidGroup.NotFound" or "InvalidGroupId.Malformed")
        {
        }

        return null;
    }

    /// <summary>The key pair of that name in the client's region, or null when EC2 no longer knows it.</summary>
    public static async Task<Ec2KeyPair?> KeyPairAsync(Ec2Client ec2, string keyName, CancellationToken ct)
    {
        try
        {
            return (await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(KeyNames: [keyName]), ct)).FirstOrDefault(k => string.Equals(k.KeyName, keyName, StringComparison.Ordinal));
        }
        catch (AwsServiceException e) when (e.Code == "InvalidKeyPair.NotFound")
        {
            return null;
        }
    }
}
