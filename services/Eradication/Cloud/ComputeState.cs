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
}
