using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Containment.Planning;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Verification;

/// <summary>
/// Which account-regions a verification reads, and which lookups in each: the key id of every
/// contained key, the user name of every contained user; in the partition's home region (us-east-1,
/// us-gov-west-1 or cn-north-1, where IAM and STS events of the global endpoints land), the
/// credential's last-used region, and the scope's regions.
/// </summary>
internal static class WatchTargets
{
    public static async Task<IReadOnlyList<WatchTarget>> BuildAsync(IReadOnlyList<ContainmentTarget> targets, Scope? scope, ResponderSession responder,
        WatchState state, CancellationToken ct)
    {
        var byAccountRegion = new Dictionary<(string Account, string Region), List<LookupAttribute>>();
        foreach (var target in targets)
        {
            var account = await AccountOfAsync(target, responder, state, ct).ConfigureAwait(false);
            if (account is null)
            {
                continue;
            }

            var lookups = Lookups(target).ToList();
            foreach (var region in await RegionsAsync(target, account, scope, responder, state, ct).ConfigureAwait(false))
            {
                if (!byAccountRegion.TryGetValue((account, region), out var list))
                {
                    byAccountRegion[(account, region)] = list = [];
                }

                list.AddRange(lookups.Where(l => !list.Contains(l)));
            }
        }

        return byAccountRegion.Where(static p => p.Value.Count > 0).Select(static p => new WatchTarget(p.Key.Account, p.Key.Region, p.Value)).ToList();
    }

    private static IEnumerable<LookupAttribute> Lookups(ContainmentTarget target)
    {
        if (target.AccessKeyId is { } key)
        {
            yield return new LookupAttribute(LookupAttributeKey.AccessKeyId, key);
        }

        if (target.UserName is { } user && target.Kind is CredentialKind.AccessKey or CredentialKind.IamUser or CredentialKind.LoginProfile or CredentialKind.SessionToken)
        {
            yield return new LookupAttribute(LookupAttributeKey.Username, user);
        }
    }

    private static async Task<string?> AccountOfAsync(ContainmentTarget target, ResponderSession responder, WatchState state, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(target.AccountId))
        {
            return target.AccountId;
        }

        try
        {
            return target.AccessKeyId is { } key
                ? (await responder.Caller.Sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest(key), ct).ConfigureAwait(false)).Account
                : (await responder.IdentityAsync(ct).ConfigureAwait(false)).Account;
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e) && !ct.IsCancellationRequested)
        {
            state.Unreadable("unknown", "all", $"The account of {target.Field} could not be found: {Execution.ContainmentExecutor.Describe(e)}", (e as AwsServiceException)?.Code ?? e.GetType().Name);
            return null;
        }
    }

    private static async Task<IReadOnlyList<string>> RegionsAsync(ContainmentTarget target, string account, Scope? scope, ResponderSession responder,
        WatchState state, CancellationToken ct)
    {
        var regions = new List<string> { responder.Caller.GlobalEventsRegion };
        if (target.Credential.LastUsedRegion is { Length: > 0 } last && last != "N/A")
        {
            regions.Add(last);
        }

        if (scope is not null)
        {
            regions.AddRange(scope.Regions);
            if (scope.AllRegions && scope.Regions.Count == 0)
            {
                try
                {
                    var session = await responder.ScopeForAsync(account, ct).ConfigureAwait(false);
                    var described = await session.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest(), ct).ConfigureAwait(false);
                    regions.AddRange(described.Regions.Where(static r => r.OptInStatus != "not-opted-in").Select(static r => r.RegionName));
                }
                catch (Exception e) when (AwsErrors.IsCloudError(e) && !ct.IsCancellationRequested)
                {
                    state.Unreadable(account, "all", $"The account's enabled regions could not be listed: {Execution.ContainmentExecutor.Describe(e)}", (e as AwsServiceException)?.Code ?? e.GetType().Name);
                }
            }
        }

        return regions.Distinct(StringComparer.Ordinal).ToList();
    }
}
