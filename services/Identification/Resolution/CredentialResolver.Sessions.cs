using CredIr.Contracts.V1;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Evidence;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.Resolution;

public sealed partial class CredentialResolver
{
    /// <summary>STS calls whose response carries new temporary credentials.</summary>
    private static readonly string[] IssuingEvents = ["AssumeRole", "GetSessionToken", "GetFederationToken", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity"];

    /// <summary>The longest a session key lives (GetSessionToken/GetFederationToken: 36 hours), so its issuing event is no older.</summary>
    private static readonly TimeSpan LongestSession = TimeSpan.FromHours(36);

    // A temporary key: every call it signed names its principal (userIdentity, and sessionContext.sessionIssuer for a role).
    // CloudTrail's AccessKeyId lookup finds those calls but never the call that issued the key, which was signed by another
    // key: that one is found by reading the STS issuing events of the 36 hours before the key's first use and matching
    // responseElements.credentials.accessKeyId.
    private async Task<ResolvedCredential> ResolveSessionKeyAsync(string key, CredentialHint hint, ResolutionScope scope, EvidenceLog evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        var account = await AccountOfAsync(key, hint, evidence, warnings, cancellationToken);
        var credential = new Credential { AccessKeyId = key, Kind = CredentialKind.RoleSession, AccountId = account, Provenance = new Provenance() };
        var withRecords = await WithRecordsAsync(credential, scope, evidence, cancellationToken);
        var first = withRecords.Records.Count > 0 ? withRecords.Records[0] : null;
        var use = first is null ? null : SessionIdentity.FromUse(first);
        var anchor = first?.EventTime ?? scope.Now;
        // A region whose trail just failed is not asked again for the issuing event.
        var regions = withRecords.Gaps.Count > 0 ? [] : await RegionsAsync(account, scope, cancellationToken);
        var issued = await FindIssuingEventAsync(account, key, anchor, regions, cancellationToken);

        var principal = use?.Principal ?? hint.Principal;
        if (issued is not null)
        {
            var (sessionArn, expires, callerArn, callerKey) = SessionIdentity.Issued(issued);
            credential.Kind = KindOf(issued.EventName);
            principal ??= PrincipalArn.TryParse(sessionArn ?? (issued.EventName == "GetSessionToken" ? callerArn : null), out var p, out _) ? p : null;
            credential.Provenance.CreatedByEventId = issued.EventId;
            credential.Provenance.CreatedByEventName = issued.EventName;
            credential.Provenance.CreatedAt = Credentials.Time(issued.EventTime);
            credential.CreatedAt = Credentials.Time(issued.EventTime);
            credential.ExpiresAt = Credentials.Time(expires);
            credential.Status = expires is { } e && e <= scope.Now ? "Expired" : "";
            credential.Related.Add($"issued by {issued.EventName} at {issued.EventTime:u}, called by {callerArn ?? "?"}{(callerKey is null ? "" : " with key " + callerKey)} from {issued.SourceIpAddress}");
            evidence.Add("cloudtrail:LookupEvents", $"{key} was issued by {issued.EventName} (event {issued.EventId}) at {issued.EventTime:u}", issued.RawJson, issued.EventTime);
        }
        else
        {
            credential.Kind = use?.Type switch
            {
                "IAMUser" => CredentialKind.SessionToken,
                "FederatedUser" => CredentialKind.FederationToken,
                "Root" => CredentialKind.Root,
                _ => CredentialKind.RoleSession,
            };
            credential.CreatedAt = Credentials.Time(use?.SessionCreated);
            if (withRecords.Gaps.Count == 0)
            {
                warnings.Add($"{key}: no AssumeRole, GetSessionToken or GetFederationToken event in {string.Join(", ", regions)} of account {account} issued this key in the {LongestSession.TotalHours:0} hours before its first use");
            }
        }

        if (principal is null)
        {
            warnings.Add($"{key}: no use and no issuing event found, so the principal behind the session is unknown");
            return withRecords;
        }

        credential.PrincipalArn = principal.Value;
        await DescribePrincipalOfSessionAsync(credential, principal, use?.IssuerArn, evidence, cancellationToken);
        return withRecords;
    }

    private async Task DescribePrincipalOfSessionAsync(Credential credential, PrincipalArn principal, string? issuerArn, EvidenceLog evidence, CancellationToken cancellationToken)
    {
        switch (principal.Kind)
        {
            case PrincipalKind.AssumedRole:
                credential.RoleName = principal.Name;
                credential.SessionName = principal.SessionName ?? "";
                var roleName = PrincipalArn.TryParse(issuerArn, out var issuer, out _) && issuer.Kind == PrincipalKind.Role ? issuer.Name : principal.Name;
                if (await directory.DescribeRoleAsync(principal.AccountId, roleName, cancellationToken) is { } role)
                {
                    credential.Related.Add($"role {role.Arn} (id {role.RoleId}, max session {role.MaxSessionDurationSeconds ?? 3600} s{(role.LastUsedAt is { } at ? $", last used {at:u} in {role.LastUsedRegion}" : "")})");
                    evidence.Add("iam:GetRole", $"session {principal.Value} is of role {role.Arn}", role);
                }

                break;
            case PrincipalKind.IamUser:
                credential.UserName = principal.Name;
                if (await directory.DescribeUserAsync(principal.AccountId, principal.Name, cancellationToken) is { } user)
                {
                    credential.PrincipalArn = user.Arn;
                    credential.Related.AddRange(Credentials.Related(user, null));
                    evidence.Add("iam:GetUser/ListAccessKeys/GetAccessKeyLastUsed", $"session {credential.AccessKeyId} acts as user {user.Arn}", user);
                }

                break;
            case PrincipalKind.FederatedUser:
                credential.UserName = principal.Name;
                break;
        }
    }

    private async Task<TrailRecord?> FindIssuingEventAsync(string account, string key, DateTimeOffset anchor, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var from = anchor - LongestSession;
        var to = anchor.AddMinutes(1);
        foreach (var region in regions)
        {
            foreach (var eventName in IssuingEvents)
            {
                try
                {
                    await foreach (var record in directory.LookupByEventNameAsync(account, region, eventName, from, to, cancellationToken))
                    {
                        if (SessionIdentity.IssuedKey(record) == key)
                        {
                            return record;
                        }
                    }
                }
                catch (Exception e) when (TrailGaps.IsCloudError(e) && !cancellationToken.IsCancellationRequested)
                {
                    // The issuing event only adds provenance: the session is contained through its principal without it.
                    break;
                }
            }
        }

        return null;
    }

    private static CredentialKind KindOf(string eventName) => eventName switch
    {
        "GetSessionToken" => CredentialKind.SessionToken,
        "GetFederationToken" => CredentialKind.FederationToken,
        _ => CredentialKind.RoleSession,
    };
}
