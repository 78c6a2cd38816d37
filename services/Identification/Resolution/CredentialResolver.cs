using CredIr.Contracts.V1;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Evidence;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.Resolution;

/// <summary>
/// Resolves what an input names to credentials (playbook Part 1, step 5): the account (sts:GetAccessKeyInfo), the
/// owner (the IAM user holding a long-term key; the role or user behind a session key), the key's status, creation
/// and last use, the principal's other credentials, and the CloudTrail records of each key's use.
/// </summary>
public sealed partial class CredentialResolver(ICredentialDirectory directory)
{
    /// <summary>The region of the responder's partition where IAM and STS events are recorded.</summary>
    public string GlobalEventsRegion => directory.GlobalEventsRegion;

    public async Task<ResolutionResult> ResolveAsync(ParsedInput input, ResolutionScope scope, EvidenceLog evidence, CancellationToken cancellationToken)
    {
        var resolved = new List<ResolvedCredential>();
        var warnings = new List<string>();
        foreach (var hint in input.Credentials)
        {
            if (hint.AccessKeyId is { } key)
            {
                resolved.Add(key.StartsWith("ASIA", StringComparison.Ordinal)
                    ? await ResolveSessionKeyAsync(key, hint, scope, evidence, warnings, cancellationToken)
                    : await ResolveUserKeyAsync(key, hint, scope, evidence, warnings, cancellationToken));
            }
            else if (hint.Principal is { } principal)
            {
                resolved.AddRange(await ResolvePrincipalAsync(principal, scope, evidence, warnings, cancellationToken));
            }
            else if (hint.PrincipalId is { } id)
            {
                resolved.AddRange(await ResolvePrincipalIdAsync(id, scope, evidence, warnings, cancellationToken));
            }
        }

        var accounts = resolved.Select(r => r.Credential.AccountId).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var gaps = resolved.SelectMany(static r => r.Gaps).DistinctBy(static g => (g.AccountId, g.Region, g.ErrorCode)).ToList();
        return new ResolutionResult(resolved, accounts, warnings) { Gaps = gaps };
    }

    private async Task<ResolvedCredential> ResolveUserKeyAsync(string key, CredentialHint hint, ResolutionScope scope, EvidenceLog evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        var account = await AccountOfAsync(key, hint, evidence, warnings, cancellationToken);
        var credential = new Credential { AccessKeyId = key, Kind = CredentialKind.AccessKey, AccountId = account, Provenance = new Provenance() };
        var owner = await directory.FindKeyOwnerAsync(account, key, hint.UserName, cancellationToken);
        if (owner is null || await directory.DescribeUserAsync(account, owner, cancellationToken) is not { } user)
        {
            warnings.Add($"{key}: no IAM user in account {account} holds this key now (deleted, or not visible to CredIr's role)");
            evidence.Add("iam:ListAccessKeys", $"{key}: not found among the users of account {account}", new { accessKeyId = key, account });
            credential.UserName = hint.UserName ?? "";
            credential.PrincipalArn = hint.Principal?.Value ?? "";
        }
        else
        {
            FillFromUser(credential, user, key);
            evidence.Add("iam:GetUser/ListAccessKeys/GetAccessKeyLastUsed", $"{key} belongs to {user.Arn}; {credential.Related.Count} other credentials of the user", user);
        }

        return await WithRecordsAsync(credential, scope, evidence, cancellationToken);
    }

    private async Task<string> AccountOfAsync(string key, CredentialHint hint, EvidenceLog evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        var account = await directory.GetAccessKeyAccountAsync(key, cancellationToken);
        evidence.Add("sts:GetAccessKeyInfo", $"{key} belongs to account {account}", new { accessKeyId = key, account });
        if (hint.AccountId is { } said && said != account)
        {
            warnings.Add($"{key}: the input says account {said}, sts:GetAccessKeyInfo says {account}; using {account}");
        }

        return account;
    }

    private static void FillFromUser(Credential credential, UserSnapshot user, string? key)
    {
        credential.PrincipalArn = user.Arn;
        credential.UserName = user.UserName;
        credential.AccountId = user.AccountId;
        if (user.AccessKeys.FirstOrDefault(k => k.AccessKeyId == key) is { } snapshot)
        {
            credential.Status = snapshot.Status;
            credential.CreatedAt = Credentials.Time(snapshot.CreatedAt);
            credential.LastUsedAt = Credentials.Time(snapshot.LastUsedAt);
            credential.LastUsedService = snapshot.LastUsedService ?? "";
            credential.LastUsedRegion = snapshot.LastUsedRegion ?? "";
        }

        credential.Related.AddRange(Credentials.Related(user, key));
    }

    private async Task<ResolvedCredential> WithRecordsAsync(Credential credential, ResolutionScope scope, EvidenceLog evidence, CancellationToken cancellationToken)
    {
        var from = scope.Now - scope.Lookback;
        if (scope.DeferTrail && credential.Kind == CredentialKind.AccessKey)
        {
            evidence.Add("cloudtrail:LookupEvents", $"{credential.AccessKeyId}: CloudTrail not read yet: containment goes first, the trail is read right after it", new { accessKeyId = credential.AccessKeyId, account = credential.AccountId, deferred = true });
            return new ResolvedCredential(credential) { RecordsTruncated = true, Gaps = [TrailGaps.Deferred(credential.AccountId)] };
        }

        var records = new List<TrailRecord>();
        var gaps = new List<SourceGap>();
        var truncated = false;
        IReadOnlyList<string> regions;
        try
        {
            regions = await RegionsAsync(credential.AccountId, scope, cancellationToken);
        }
        catch (Exception e) when (TrailGaps.IsCloudError(e) && !cancellationToken.IsCancellationRequested)
        {
            // Without the region list there is nothing to read; the key is still resolved, so containment can go ahead.
            regions = [];
            gaps.Add(TrailGaps.Of(credential.AccountId, "all regions", "ec2:DescribeRegions", e));
        }

        foreach (var region in regions)
        {
            try
            {
                await foreach (var record in directory.LookupByAccessKeyAsync(credential.AccountId, region, credential.AccessKeyId, from, scope.Now, cancellationToken))
                {
                    if (records.Count >= scope.MaxRecords)
                    {
                        truncated = true;
                        break;
                    }

                    records.Add(record);
                }
            }
            catch (Exception e) when (TrailGaps.IsCloudError(e) && !cancellationToken.IsCancellationRequested)
            {
                // A denied, throttled or failing CloudTrail must not keep the key from being contained: the gap is
                // recorded, the estimate uses what else is known, and the coordinator asks again later.
                gaps.Add(TrailGaps.Of(credential.AccountId, region, "cloudtrail:LookupEvents", e));
            }
        }

        records.Sort((a, b) => a.EventTime.CompareTo(b.EventTime));
        evidence.Add("cloudtrail:LookupEvents",
            $"{records.Count} calls signed by {credential.AccessKeyId} in {string.Join(", ", regions)} since {from:u}" + (truncated ? $" (stopped at {scope.MaxRecords})" : "")
            + (gaps.Count > 0 ? $"; could not read {string.Join(", ", gaps.Select(static g => $"{g.AccountId}/{g.Region} ({g.ErrorCode})"))}" : ""),
            new { accessKeyId = credential.AccessKeyId, account = credential.AccountId, regions, from, to = scope.Now, count = records.Count, first = records.Count > 0 ? records[0].EventId : null, last = records.Count > 0 ? records[^1].EventId : null, unreadable = gaps.Select(static g => new { g.AccountId, g.Region, g.ErrorCode }) });
        return new ResolvedCredential(credential) { Records = records, RecordsFrom = from, RecordsTruncated = truncated || gaps.Count > 0, Gaps = gaps };
    }

    private async Task<IReadOnlyList<string>> RegionsAsync(string accountId, ResolutionScope scope, CancellationToken cancellationToken) =>
        scope.AllRegions ? await directory.ListRegionsAsync(accountId, cancellationToken) : scope.Regions;
}
