namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>A parsed Principal / NotPrincipal element.</summary>
internal sealed class PrincipalSet(bool everyone, string[] aws, string[] services, string[] federated, string[] canonicalUsers)
{
    public bool Everyone { get; } = everyone;

    /// <summary>AWS principals: ARNs, unique ids, and bare account ids (matched as the account root in the caller's partition).</summary>
    public IReadOnlyList<string> Aws { get; } = aws;

    public IReadOnlyList<string> Services { get; } = services;

    public IReadOnlyList<string> Federated { get; } = federated;

    public IReadOnlyList<string> CanonicalUsers { get; } = canonicalUsers;

    public PrincipalMatch Match(RequestPrincipal caller)
    {
        if (Everyone)
        {
            return PrincipalMatch.Everyone;
        }

        switch (caller.Type)
        {
            case PrincipalType.Service:
                return Contains(services, caller.Arn, StringComparison.OrdinalIgnoreCase) ? PrincipalMatch.Service : PrincipalMatch.None;
            case PrincipalType.WebIdentity or PrincipalType.Saml:
                return Contains(federated, caller.Arn, StringComparison.Ordinal) ? PrincipalMatch.Federated : PrincipalMatch.None;
        }

        var best = PrincipalMatch.None;
        // The root of the caller's account in the caller's partition (arn:aws-us-gov:iam::...:root in GovCloud).
        var partition = caller.Arn.Split(':', 3) is ["arn", var name, _] ? name : "aws";
        var accountRoot = $"arn:{partition}:iam::{caller.AccountId}:root";
        foreach (var value in aws)
        {
            var match = value == accountRoot || value == caller.AccountId ? PrincipalMatch.Account
                : value == caller.Arn ? PrincipalMatch.Principal
                : caller.RoleArn is not null && value == caller.RoleArn ? PrincipalMatch.Role
                : PrincipalMatch.None;
            if (match > best)
            {
                best = match;
            }
        }

        return best;
    }

    private static bool Contains(string[] values, string value, StringComparison comparison)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
