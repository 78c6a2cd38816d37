using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Iam;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Resolution;

namespace CredIr.Identification.HuaweiCloud;

/// <summary>
/// What identification asks of a Huawei Cloud account, behind the same <see cref="ICredentialDirectory"/> as AWS, so
/// the resolver and the compromise-time estimate are the playbook's own: an AK's owner from IAM v3.0
/// (<c>GET /v3.0/OS-CREDENTIAL/credentials/{ak}</c>, then the user), its use from CTS v3 traces filtered by the AK in
/// every region project. An account is a domain id; between <see cref="FindKeyOwnerAsync"/> and
/// <see cref="DescribeUserAsync"/> a user is named by its user id (IAM v3.0 reads users by id).
/// </summary>
internal sealed class HuaweiCredentialDirectory(HuaweiCloudAccess access) : ICredentialDirectory
{
    // CTS answers queries over the last 7 days only.
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, string> _projects = new(StringComparer.Ordinal);

    // IAM is global; its traces are in the account's first region project. Regions are listed from IAM instead.
    public string GlobalEventsRegion => "cn-north-4";

    public async Task<string> GetAccessKeyAccountAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var key = await access.Iam.GetAccessKeyAsync(accessKeyId, cancellationToken);
        return (await access.Iam.GetUserAsync(key.UserId, cancellationToken)).DomainId;
    }

    public async Task<string?> FindKeyOwnerAsync(string accountId, string accessKeyId, string? userNameHint, CancellationToken cancellationToken)
    {
        try
        {
            return (await access.Iam.GetAccessKeyAsync(accessKeyId, cancellationToken)).UserId;
        }
        catch (HuaweiCloudException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<string?> FindPrincipalByIdAsync(string accountId, string principalId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public async Task<UserSnapshot?> DescribeUserAsync(string accountId, string userName, CancellationToken cancellationToken)
    {
        try
        {
            var user = await access.Iam.GetUserAsync(userName, cancellationToken);
            var keys = await access.Iam.ListAccessKeysAsync(user.Id, cancellationToken);
            return new UserSnapshot(user.DomainId, user.Name, user.Id, HuaweiUrns.User(user.DomainId, user.Name), user.CreateTime,
                [.. keys.Select(static k => new AccessKeySnapshot(k.Access, k.IsActive ? "Active" : "Inactive", k.CreateTime, k.LastUseTime, null, null))],
                HasLoginProfile: false, LoginProfileCreatedAt: null, MfaDevices: []);
        }
        catch (HuaweiCloudException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    // Agencies are assumed by name; their temporary AKs are resolved from the trail by the scan, not here.
    public Task<RoleSnapshot?> DescribeRoleAsync(string accountId, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult<RoleSnapshot?>(null);

    public async Task<IReadOnlyList<string>> ListRegionsAsync(string accountId, CancellationToken cancellationToken)
    {
        var projects = await access.RegionProjectsAsync(cancellationToken);
        foreach (var project in projects)
        {
            _projects[project.Name] = project.Id;
        }

        return [.. projects.Select(static p => p.Name)];
    }

    public IAsyncEnumerable<TrailRecord> LookupByAccessKeyAsync(string accountId, string region, string accessKeyId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        TracesAsync(region, new CtsTraceQuery { AccessKeyId = accessKeyId }, from, to, cancellationToken);

    public IAsyncEnumerable<TrailRecord> LookupByEventNameAsync(string accountId, string region, string eventName, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        TracesAsync(region, new CtsTraceQuery { TraceName = eventName }, from, to, cancellationToken);

    private async IAsyncEnumerable<TrailRecord> TracesAsync(string region, CtsTraceQuery query, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_projects.TryGetValue(region, out var project))
        {
            project = _projects[region] = await access.Iam.GetRegionProjectIdAsync(region, cancellationToken);
        }

        var earliest = to - Retention + TimeSpan.FromMinutes(1);
        query = query with { From = from < earliest ? earliest : from, To = to, Limit = HuaweiCtsClient.MaxLimit };
        await foreach (var trace in access.Cts.ListAllTracesAsync(region, project, query, cancellationToken))
        {
            yield return Record(trace, region);
        }
    }

    /// <summary>A CTS trace in the fields identification weighs (the trace as CTS holds it, secrets masked, as evidence).</summary>
    internal static TrailRecord Record(CtsTrace trace, string region) => new(
        trace.TraceId,
        trace.At,
        trace.TraceName,
        trace.ServiceType ?? "",
        trace.SourceIp,
        trace.UserAgent,
        trace.User?.AccessKeyId,
        trace.User?.Domain?.Id is { } domain && trace.User.Name is { } name ? HuaweiUrns.User(domain, name) : null,
        trace.User?.Domain?.Id,
        region,
        trace.Code is { Length: > 0 } code && int.TryParse(code, out var status) && status >= 400 ? code : null)
    {
        RawJson = CredIr.Playbook.Trail.SecretScrubber.Scrub(JsonSerializer.Serialize(trace)),
    };
}
