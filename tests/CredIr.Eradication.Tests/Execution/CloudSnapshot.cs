using CredIr.Aws;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// The organization's resources as lines ("111122223333 user alice key AKIA... Active"), read through the AWS clients
/// by the admin: virtual MFA devices; users and their keys, passwords, groups and policies; roles with theirs; instances,
/// functions, security groups and key pairs in every region; buckets with their objects and policy. Two snapshots compare as sets.
/// </summary>
internal sealed record CloudSnapshot(SortedSet<string> Lines)
{
    public static async Task<CloudSnapshot> TakeAsync(EradicationSandbox org)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var account in org.Sandbox.Accounts.Select(static a => a.AccountId))
        {
            var scope = await org.AdminInAsync(account);
            await IamAsync(scope.Iam, account, lines);
            await BucketsAsync(scope, account, lines);
            foreach (var region in org.Sandbox.Regions)
            {
                var regional = scope.WithRegion(region);
                await foreach (var instance in regional.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest()))
                {
                    lines.Add($"{account} {region} instance {instance.InstanceId} {instance.State}");
                }

                await foreach (var function in regional.Lambda.ListFunctionsAsync())
                {
                    lines.Add($"{account} {region} function {function.FunctionName} {function.Role}");
                }

                await foreach (var group in regional.Ec2.DescribeSecurityGroupsAsync())
                {
                    lines.Add($"{account} {region} security-group {group.GroupId} {group.GroupName}");
                }

                foreach (var pair in await regional.Ec2.DescribeKeyPairsAsync())
                {
                    lines.Add($"{account} {region} key-pair {pair.KeyName} {pair.KeyPairId}");
                }
            }
        }

        return new CloudSnapshot(lines);
    }

    public IReadOnlyList<string> Except(CloudSnapshot other) => Lines.Except(other.Lines).ToList();

    private static async Task IamAsync(IamClient iam, string account, SortedSet<string> lines)
    {
        await foreach (var device in iam.ListVirtualMfaDevicesAsync())
        {
            lines.Add($"{account} mfa {device.SerialNumber} {device.UserName ?? "unassigned"}");
        }

        await foreach (var user in iam.ListUsersAsync())
        {
            var u = $"{account} user {user.UserName}";
            lines.Add(u);
            await foreach (var key in iam.ListAccessKeysAsync(new ListAccessKeysRequest(user.UserName)))
            {
                lines.Add($"{u} key {key.AccessKeyId} {key.Status}");
            }

            await foreach (var policy in iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest(user.UserName)))
            {
                lines.Add($"{u} attached {policy.PolicyArn}");
            }

            await foreach (var policy in iam.ListUserPoliciesAsync(new ListUserPoliciesRequest(user.UserName)))
            {
                lines.Add($"{u} inline {policy}");
            }

            await foreach (var group in iam.ListGroupsForUserAsync(new ListGroupsForUserRequest(user.UserName)))
            {
                lines.Add($"{u} group {group.GroupName}");
            }

            try
            {
                await iam.GetLoginProfileAsync(new GetLoginProfileRequest(user.UserName));
                lines.Add($"{u} login-profile");
            }
            catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
            {
            }
        }

        await foreach (var role in iam.ListRolesAsync())
        {
            var r = $"{account} role {role.RoleName}";
            lines.Add(r);
            await foreach (var policy in iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(role.RoleName)))
            {
                lines.Add($"{r} attached {policy.PolicyArn}");
            }

            await foreach (var policy in iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(role.RoleName)))
            {
                lines.Add($"{r} inline {policy}");
            }

            await foreach (var profile in iam.ListInstanceProfilesForRoleAsync(new ListInstanceProfilesForRoleRequest(role.RoleName)))
            {
                lines.Add($"{r} instance-profile {profile.InstanceProfileName}");
            }
        }
    }

    private static async Task BucketsAsync(AwsScope scope, string account, SortedSet<string> lines)
    {
        foreach (var bucket in (await scope.S3.ListBucketsAsync()).Buckets)
        {
            var b = $"{account} bucket {bucket.Name}";
            lines.Add(b);
            var s3 = scope.WithRegion((await scope.S3.GetBucketLocationAsync(new GetBucketLocationRequest(bucket.Name))).Region).S3;
            await foreach (var version in s3.ListObjectVersionsAsync(new ListObjectVersionsRequest(bucket.Name)))
            {
                lines.Add($"{b} object {version.Key} {version.VersionId}{(version.IsDeleteMarker ? " delete-marker" : "")}");
            }

            try
            {
                lines.Add($"{b} policy {(await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest(bucket.Name))).Policy}");
            }
            catch (AwsServiceException e) when (e.Code == "NoSuchBucketPolicy")
            {
            }
        }
    }
}
