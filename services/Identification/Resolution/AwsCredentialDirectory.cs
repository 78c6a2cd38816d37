using System.Runtime.CompilerServices;
using System.Text.Json;
using CredIr.Aws;
using CredIr.Identification.CompromiseTime;

namespace CredIr.Identification.Resolution;

/// <summary>
/// <see cref="ICredentialDirectory"/> over CredIr.Aws. Accounts other than the caller's are entered through the
/// organization's response role (<see cref="OrganizationSessions"/>).
/// </summary>
public sealed class AwsCredentialDirectory(AwsScope caller, OrganizationSessions sessions) : ICredentialDirectory
{
    public string GlobalEventsRegion => caller.GlobalEventsRegion;

    public async Task<string> GetAccessKeyAccountAsync(string accessKeyId, CancellationToken cancellationToken) =>
        (await caller.Sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest(accessKeyId), cancellationToken)).Account;

    public async Task<string?> FindKeyOwnerAsync(string accountId, string accessKeyId, string? userNameHint, CancellationToken cancellationToken)
    {
        var iam = (await ScopeAsync(accountId, cancellationToken)).Iam;
        if (userNameHint is not null && await HoldsKeyAsync(iam, userNameHint, accessKeyId, cancellationToken))
        {
            return userNameHint;
        }

        // IAM names the key's user in one call; listing every user's keys is the fallback (and costs one call per
        // user at IAM's rate limit, seconds before containment in a large account).
        if (await LastUsedByAsync(iam, accessKeyId, cancellationToken) is { } owner && await HoldsKeyAsync(iam, owner, accessKeyId, cancellationToken))
        {
            return owner;
        }

        await foreach (var user in iam.ListUsersAsync(null, cancellationToken))
        {
            if (await HoldsKeyAsync(iam, user.UserName, accessKeyId, cancellationToken))
            {
                return user.UserName;
            }
        }

        return null;
    }

    public async Task<string?> FindPrincipalByIdAsync(string accountId, string principalId, CancellationToken cancellationToken)
    {
        var iam = (await ScopeAsync(accountId, cancellationToken)).Iam;
        if (principalId.StartsWith("AIDA", StringComparison.Ordinal))
        {
            await foreach (var user in iam.ListUsersAsync(null, cancellationToken))
            {
                if (user.UserId == principalId)
                {
                    return user.Arn;
                }
            }
        }
        else
        {
            await foreach (var role in iam.ListRolesAsync(null, cancellationToken))
            {
                if (role.RoleId == principalId)
                {
                    return role.Arn;
                }
            }
        }

        return null;
    }

    public async Task<UserSnapshot?> DescribeUserAsync(string accountId, string userName, CancellationToken cancellationToken)
    {
        var iam = (await ScopeAsync(accountId, cancellationToken)).Iam;
        IamUser user;
        try
        {
            user = (await iam.GetUserAsync(new GetUserRequest(userName), cancellationToken)).User;
        }
        catch (AwsServiceException ex) when (ex.Code == "NoSuchEntity")
        {
            return null;
        }

        var keys = new List<AccessKeySnapshot>();
        await foreach (var key in iam.ListAccessKeysAsync(new ListAccessKeysRequest(userName), cancellationToken))
        {
            var used = (await iam.GetAccessKeyLastUsedAsync(new GetAccessKeyLastUsedRequest(key.AccessKeyId), cancellationToken)).AccessKeyLastUsed;
            keys.Add(new AccessKeySnapshot(key.AccessKeyId, key.Status.ToString(), key.CreateDate, used.LastUsedDate, Known(used.ServiceName), Known(used.Region)));
        }

        DateTimeOffset? loginCreated = null;
        var hasLogin = false;
        try
        {
            loginCreated = (await iam.GetLoginProfileAsync(new GetLoginProfileRequest(userName), cancellationToken)).LoginProfile.CreateDate;
            hasLogin = true;
        }
        catch (AwsServiceException ex) when (ex.Code == "NoSuchEntity")
        {
            // No console password: nothing to record.
        }

        var mfa = new List<string>();
        await foreach (var device in iam.ListMfaDevicesAsync(new ListMfaDevicesRequest(userName), cancellationToken))
        {
            mfa.Add(device.SerialNumber);
        }

        return new UserSnapshot(accountId, user.UserName, user.UserId, user.Arn, user.CreateDate, keys, hasLogin, loginCreated, mfa);
    }

    public async Task<RoleSnapshot?> DescribeRoleAsync(string accountId, string roleName, CancellationToken cancellationToken)
    {
        var iam = (await ScopeAsync(accountId, cancellationToken)).Iam;
        try
        {
            var role = (await iam.GetRoleAsync(new GetRoleRequest(roleName), cancellationToken)).Role;
            return new RoleSnapshot(accountId, role.RoleName, role.RoleId, role.Arn, role.CreateDate, role.MaxSessionDuration, role.RoleLastUsedDate, role.RoleLastUsedRegion);
        }
        catch (AwsServiceException ex) when (ex.Code == "NoSuchEntity")
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListRegionsAsync(string accountId, CancellationToken cancellationToken) =>
        await OrganizationSessions.GetEnabledRegionsAsync(await sessions.GetSessionAsync(accountId, cancellationToken), cancellationToken);

    public IAsyncEnumerable<TrailRecord> LookupByAccessKeyAsync(string accountId, string region, string accessKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        LookupAsync(accountId, region, new LookupAttribute(LookupAttributeKey.AccessKeyId, accessKeyId), from, to, cancellationToken);

    public IAsyncEnumerable<TrailRecord> LookupByEventNameAsync(string accountId, string region, string eventName, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        LookupAsync(accountId, region, new LookupAttribute(LookupAttributeKey.EventName, eventName), from, to, cancellationToken);

    private async IAsyncEnumerable<TrailRecord> LookupAsync(string accountId, string region, LookupAttribute attribute, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scope = (await ScopeAsync(accountId, cancellationToken)).WithRegion(region);
        var request = new LookupEventsRequest { LookupAttributes = [attribute], StartTime = from, EndTime = to, MaxResults = 50 };
        await foreach (var record in scope.CloudTrail.LookupEventsAsync(request, cancellationToken))
        {
            using var document = JsonDocument.Parse(record.CloudTrailEvent);
            yield return TrailRecord.FromJson(document.RootElement);
        }
    }

    private async Task<AwsScope> ScopeAsync(string accountId, CancellationToken cancellationToken) =>
        (await sessions.GetSessionAsync(accountId, cancellationToken)).Scope;

    private static async Task<bool> HoldsKeyAsync(IamClient iam, string userName, string accessKeyId, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var key in iam.ListAccessKeysAsync(new ListAccessKeysRequest(userName), cancellationToken))
            {
                if (key.AccessKeyId == accessKeyId)
                {
                    return true;
                }
            }
        }
        catch (AwsServiceException ex) when (ex.Code == "NoSuchEntity")
        {
            return false;
        }

        return false;
    }

    private static async Task<string?> LastUsedByAsync(IamClient iam, string accessKeyId, CancellationToken cancellationToken)
    {
        try
        {
            var name = (await iam.GetAccessKeyLastUsedAsync(new GetAccessKeyLastUsedRequest(accessKeyId), cancellationToken)).UserName;
            return name is null or "root" or "<root_account>" ? null : name;
        }
        catch (AwsServiceException ex) when (!ex.IsRetryable)
        {
            // Not this account's key, or the caller may not read it: the listing below decides.
            return null;
        }
    }

    // IAM answers "N/A" for a key never used.
    private static string? Known(string? value) => value is null or "N/A" ? null : value;
}
