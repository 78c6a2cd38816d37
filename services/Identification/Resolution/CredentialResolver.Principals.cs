using CredIr.Contracts.V1;
using CredIr.Identification.Evidence;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.Resolution;

public sealed partial class CredentialResolver
{
    // A principal without a key: a user yields each of its keys (and its console password), a role or session the
    // principal itself, so containment can act on it.
    private async Task<IReadOnlyList<ResolvedCredential>> ResolvePrincipalAsync(PrincipalArn principal, ResolutionScope scope, EvidenceLog evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        switch (principal.Kind)
        {
            case PrincipalKind.IamUser:
                return await ResolveUserAsync(principal, scope, evidence, warnings, cancellationToken);
            case PrincipalKind.Role:
                var role = await directory.DescribeRoleAsync(principal.AccountId, principal.Name, cancellationToken);
                if (role is null)
                {
                    warnings.Add($"{principal.Value}: no such role");
                }
                else
                {
                    evidence.Add("iam:GetRole", $"role {role.Arn} (id {role.RoleId})", role);
                }

                return [new ResolvedCredential(new Credential
                {
                    Kind = CredentialKind.Role,
                    PrincipalArn = role?.Arn ?? principal.Value,
                    AccountId = principal.AccountId,
                    RoleName = principal.Name,
                    CreatedAt = Credentials.Time(role?.CreatedAt),
                    LastUsedAt = Credentials.Time(role?.LastUsedAt),
                    LastUsedRegion = role?.LastUsedRegion ?? "",
                    Provenance = new Provenance(),
                })];
            case PrincipalKind.AssumedRole:
                return [new ResolvedCredential(new Credential
                {
                    Kind = CredentialKind.RoleSession,
                    PrincipalArn = principal.Value,
                    AccountId = principal.AccountId,
                    RoleName = principal.Name,
                    SessionName = principal.SessionName ?? "",
                    Provenance = new Provenance(),
                })];
            case PrincipalKind.FederatedUser:
                return [new ResolvedCredential(new Credential { Kind = CredentialKind.FederationToken, PrincipalArn = principal.Value, AccountId = principal.AccountId, UserName = principal.Name, Provenance = new Provenance() })];
            default:
                var root = new Credential { Kind = CredentialKind.Root, PrincipalArn = principal.Value, AccountId = principal.AccountId, Provenance = new Provenance() };
                root.Related.Add("the root user's sessions cannot be revoked by an IAM policy: rotate its password and keys and check its MFA by hand");
                return [new ResolvedCredential(root)];
        }
    }

    private async Task<IReadOnlyList<ResolvedCredential>> ResolveUserAsync(PrincipalArn principal, ResolutionScope scope, EvidenceLog evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        var user = await directory.DescribeUserAsync(principal.AccountId, principal.Name, cancellationToken);
        if (user is null)
        {
            warnings.Add($"{principal.Value}: no such user");
            return [new ResolvedCredential(new Credential { Kind = CredentialKind.IamUser, PrincipalArn = principal.Value, AccountId = principal.AccountId, UserName = principal.Name, Provenance = new Provenance() })];
        }

        evidence.Add("iam:GetUser/ListAccessKeys/GetAccessKeyLastUsed", $"user {user.Arn}: {user.AccessKeys.Count} access keys, console password {(user.HasLoginProfile ? "yes" : "no")}, {user.MfaDevices.Count} MFA devices", user);
        var resolved = new List<ResolvedCredential>();
        foreach (var key in user.AccessKeys)
        {
            var credential = new Credential { AccessKeyId = key.AccessKeyId, Kind = CredentialKind.AccessKey, Provenance = new Provenance() };
            FillFromUser(credential, user, key.AccessKeyId);
            resolved.Add(await WithRecordsAsync(credential, scope, evidence, cancellationToken));
        }

        if (user.HasLoginProfile)
        {
            var login = new Credential { Kind = CredentialKind.LoginProfile, Provenance = new Provenance(), CreatedAt = Credentials.Time(user.LoginProfileCreatedAt) };
            FillFromUser(login, user, null);
            login.Status = "Active";
            resolved.Add(new ResolvedCredential(login));
        }

        if (resolved.Count == 0)
        {
            var bare = new Credential { Kind = CredentialKind.IamUser, Provenance = new Provenance(), CreatedAt = Credentials.Time(user.CreatedAt) };
            FillFromUser(bare, user, null);
            resolved.Add(new ResolvedCredential(bare));
        }

        return resolved;
    }

    private async Task<IReadOnlyList<ResolvedCredential>> ResolvePrincipalIdAsync(string principalId, ResolutionScope scope, EvidenceLog evidence, List<string> warnings, CancellationToken cancellationToken)
    {
        if (scope.AccountIds.Count == 0)
        {
            throw new InputValidationException("scope.account_ids", $"a unique id ({principalId}) is looked for in the accounts of the scope; name at least one account");
        }

        foreach (var account in scope.AccountIds)
        {
            if (await directory.FindPrincipalByIdAsync(account, principalId, cancellationToken) is { } arn)
            {
                evidence.Add("iam:ListUsers/ListRoles", $"{principalId} is {arn}", new { principalId, arn, account });
                return await ResolvePrincipalAsync(PrincipalArn.Parse(arn, "access_key_id"), scope, evidence, warnings, cancellationToken);
            }
        }

        warnings.Add($"{principalId}: no user or role with this id in accounts {string.Join(", ", scope.AccountIds)}");
        return [];
    }
}
