using System.Text;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Trails;

/// <summary>
/// Which records a query wants, in LookupEvents' own terms (AccessKeyId, Username, ResourceName) so
/// every source can honour it natively. A source may return more; the closure engine attributes exactly.
/// An empty filter wants every record.
/// </summary>
public sealed record TrailFilter
{
    public static TrailFilter All { get; } = new();

    public IReadOnlySet<string> AccessKeyIds { get; init; } = new HashSet<string>();

    /// <summary>userIdentity.userName, or the session name of an assumed-role or federated caller.</summary>
    public IReadOnlySet<string> UserNames { get; init; } = new HashSet<string>();

    /// <summary>userIdentity.arn or its session issuer's ARN.</summary>
    public IReadOnlySet<string> PrincipalArns { get; init; } = new HashSet<string>();

    /// <summary>A role ARN named in requestParameters.roleArn or an ARN in resources[].</summary>
    public IReadOnlySet<string> ResourceNames { get; init; } = new HashSet<string>();

    public bool IsEmpty => AccessKeyIds.Count + UserNames.Count + PrincipalArns.Count + ResourceNames.Count == 0;

    /// <summary>Every string that must occur in a matching record's bytes (for a cheap rejection before parsing).</summary>
    public IReadOnlyList<byte[]> Needles() =>
        [.. AccessKeyIds.Concat(UserNames).Concat(PrincipalArns).Concat(ResourceNames).Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes)];

    public bool Matches(CloudTrailRecord record)
    {
        if (IsEmpty)
        {
            return true;
        }

        var identity = record.UserIdentity;
        return (identity.AccessKeyId is { } key && AccessKeyIds.Contains(key))
            || (identity.UserName is { } user && UserNames.Contains(user))
            || (identity.SessionName is { } session && UserNames.Contains(session))
            || (identity.Arn is { } arn && PrincipalArns.Contains(arn))
            || (identity.SessionContext?.Issuer?.Arn is { } issuer && PrincipalArns.Contains(issuer))
            || (ResourceNames.Count > 0 && NamesResource(record));
    }

    private bool NamesResource(CloudTrailRecord record) =>
        (record.RequestParameters is { } request && JsonFields.StringAt(request, "roleArn") is { } roleArn && ResourceNames.Contains(roleArn))
        || record.Resources.Any(r => r.Arn is { } arn && ResourceNames.Contains(arn));
}
