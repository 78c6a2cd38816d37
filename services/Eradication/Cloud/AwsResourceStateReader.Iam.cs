using CredIr.Aws;
using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Cloud;

internal sealed partial class AwsResourceStateReader
{
    private async Task<ResourceState> UserAsync(TouchedResource user, CancellationToken ct)
    {
        var iam = (await cloud.ScopeAsync(user.AccountId, null, ct)).Iam;
        var name = user.Id;
        await iam.GetUserAsync(new GetUserRequest(name), ct);
        return new ResourceState
        {
            AttachedPolicies = (await ListAsync(iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest(name), ct), ct)).Select(static p => p.PolicyArn).ToList(),
            InlinePolicies = await ListAsync(iam.ListUserPoliciesAsync(new ListUserPoliciesRequest(name), ct), ct),
            AccessKeys = (await ListAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest(name), ct), ct)).Select(static k => k.AccessKeyId).ToList(),
            HasLoginProfile = await HasLoginProfileAsync(iam, name, ct),
            MfaDevices = (await ListAsync(iam.ListMfaDevicesAsync(new ListMfaDevicesRequest(name), ct), ct)).Select(static d => d.SerialNumber).ToList(),
            Groups = (await ListAsync(iam.ListGroupsForUserAsync(new ListGroupsForUserRequest(name), ct), ct)).Select(static g => g.GroupName).ToList(),
            SigningCertificates = (await ListAsync(iam.ListSigningCertificatesAsync(new ListSigningCertificatesRequest(name), ct), ct)).Select(static c => c.CertificateId).ToList(),
            SshPublicKeys = (await ListAsync(iam.ListSshPublicKeysAsync(new ListSshPublicKeysRequest(name), ct), ct)).Select(static k => k.SshPublicKeyId).ToList(),
            ServiceSpecificCredentials = (await ListAsync(iam.ListServiceSpecificCredentialsAsync(new ListServiceSpecificCredentialsRequest(name), ct), ct)).Select(static c => c.ServiceSpecificCredentialId).ToList(),
            Tags = Tags(await ListAsync(iam.ListUserTagsAsync(new ListUserTagsRequest(name), ct), ct)),
        };
    }

    private async Task<ResourceState> RoleAsync(TouchedResource role, CancellationToken ct)
    {
        var iam = (await cloud.ScopeAsync(role.AccountId, null, ct)).Iam;
        var name = role.Id;
        await iam.GetRoleAsync(new GetRoleRequest(name), ct);
        return new ResourceState
        {
            AttachedPolicies = (await ListAsync(iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(name), ct), ct)).Select(static p => p.PolicyArn).ToList(),
            InlinePolicies = await ListAsync(iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(name), ct), ct),
            InstanceProfiles = (await ListAsync(iam.ListInstanceProfilesForRoleAsync(new ListInstanceProfilesForRoleRequest(name), ct), ct)).Select(static p => p.InstanceProfileName).ToList(),
            Tags = Tags(await ListAsync(iam.ListRoleTagsAsync(new ListRoleTagsRequest(name), ct), ct)),
        };
    }

    private async Task<ResourceState> InstanceProfileAsync(TouchedResource profile, CancellationToken ct)
    {
        var iam = (await cloud.ScopeAsync(profile.AccountId, null, ct)).Iam;
        var found = await iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(profile.Id), ct);
        return new ResourceState { Roles = found.InstanceProfile.Roles.Select(static r => r.RoleName).ToList() };
    }

    private async Task<ResourceState> ManagedPolicyAsync(TouchedResource policy, CancellationToken ct)
    {
        var arn = policy.Arn ?? policy.Id;
        if (Arn.TryParse(arn, out var parsed) && parsed.Service == "iam" && parsed.AccountId == "aws")
        {
            // AWS managed policies cannot be deleted by anyone; an attachment to them is the actor's change, not a creation.
            return ResourceState.Gone;
        }

        var iam = (await cloud.ScopeAsync(policy.AccountId ?? AccountOf(arn), null, ct)).Iam;
        await iam.GetPolicyAsync(new GetPolicyRequest(arn), ct);
        var entities = await ListAsync(iam.ListEntitiesForPolicyAsync(new ListEntitiesForPolicyRequest(arn), ct), ct);
        var versions = await ListAsync(iam.ListPolicyVersionsAsync(new ListPolicyVersionsRequest(arn), ct), ct);
        return new ResourceState
        {
            AttachedTo = entities.Select(static e => $"{e.Kind.ToString().ToLowerInvariant()}/{e.Name}").ToList(),
            PolicyVersions = versions.Where(static v => !v.IsDefaultVersion).Select(static v => v.VersionId).ToList(),
        };
    }

    private async Task<ResourceState> AccessKeyAsync(TouchedResource key, CancellationToken ct)
    {
        var iam = (await cloud.ScopeAsync(key.AccountId, null, ct)).Iam;
        var owner = await AccessKeyOwnerAsync(iam, key.Id, ct);
        return owner is null ? ResourceState.Gone : new ResourceState { Owner = owner };
    }

    private async Task<ResourceState> LoginProfileAsync(TouchedResource profile, CancellationToken ct)
    {
        var iam = (await cloud.ScopeAsync(profile.AccountId, null, ct)).Iam;
        return await HasLoginProfileAsync(iam, profile.Id, ct) ? new ResourceState { Owner = profile.Id, HasLoginProfile = true } : ResourceState.Gone;
    }

    /// <summary>A virtual MFA device (its serial number is its ARN) and the user it is enabled for; gone when IAM no longer lists it.</summary>
    private async Task<ResourceState> VirtualMfaDeviceAsync(TouchedResource device, CancellationToken ct)
    {
        var serial = device.Arn ?? device.Id;
        var iam = (await cloud.ScopeAsync(device.AccountId ?? AccountOf(serial), null, ct)).Iam;
        await foreach (var found in iam.ListVirtualMfaDevicesAsync(cancellationToken: ct).WithCancellation(ct))
        {
            if (string.Equals(found.SerialNumber, serial, StringComparison.Ordinal))
            {
                return new ResourceState { Owner = found.UserName };
            }
        }

        return ResourceState.Gone;
    }

    /// <summary>
    /// The user an access key belongs to, or null when the key no longer exists. GetAccessKeyLastUsed names the owner;
    /// IAM answers AccessDenied (not NoSuchEntity) for a deleted key, so the account's users are searched before the key is called gone.
    /// </summary>
    internal static async Task<string?> AccessKeyOwnerAsync(IamClient iam, string accessKeyId, CancellationToken ct)
    {
        try
        {
            var used = await iam.GetAccessKeyLastUsedAsync(new GetAccessKeyLastUsedRequest(accessKeyId), ct);
            if (!string.IsNullOrEmpty(used.UserName))
            {
                return used.UserName;
            }
        }
        catch (AwsServiceException e) when (e.Code is "AccessDenied" or "NoSuchEntity")
        {
        }

        await foreach (var user in iam.ListUsersAsync(cancellationToken: ct).WithCancellation(ct))
        {
            await foreach (var key in iam.ListAccessKeysAsync(new ListAccessKeysRequest(user.UserName), ct).WithCancellation(ct))
            {
                if (string.Equals(key.AccessKeyId, accessKeyId, StringComparison.Ordinal))
                {
                    return user.UserName;
                }
            }
        }

        return null;
    }

    internal static async Task<bool> HasLoginProfileAsync(IamClient iam, string user, CancellationToken ct)
    {
        try
        {
            await iam.GetLoginProfileAsync(new GetLoginProfileRequest(user), ct);
            return true;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return false;
        }
    }

    private static Dictionary<string, string> Tags(List<IamTag> tags) => tags.ToDictionary(static t => t.Key, static t => t.Value, StringComparer.Ordinal);

    private static string? AccountOf(string arn) => Arn.TryParse(arn, out var parsed) && parsed.AccountId.Length > 0 ? parsed.AccountId : null;
}
