using CredIr.Aws;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// A filter in LookupEvents' terms: it takes one attribute per call, so each wanted key, user (or role
/// session) and resource becomes its own page chain. Keys by AccessKeyId; principals without a key (console
/// sessions, created users) by Username; a principal ARN by its last name, the user or the role session name
/// as CloudTrail's Username shows it.
/// </summary>
internal static class LookupAttributes
{
    public static IReadOnlyList<LookupAttribute?> For(TrailFilter filter)
    {
        if (filter.IsEmpty)
        {
            return [null];
        }

        var attributes = new HashSet<LookupAttribute>();
        foreach (var key in filter.AccessKeyIds)
        {
            attributes.Add(new LookupAttribute(LookupAttributeKey.AccessKeyId, key));
        }

        foreach (var user in filter.UserNames.Concat(filter.PrincipalArns.Select(LastName)))
        {
            attributes.Add(new LookupAttribute(LookupAttributeKey.Username, user));
        }

        foreach (var resource in filter.ResourceNames)
        {
            attributes.Add(new LookupAttribute(LookupAttributeKey.ResourceName, resource));
        }

        return [.. attributes.OrderBy(static a => a.AttributeKey).ThenBy(static a => a.AttributeValue, StringComparer.Ordinal)];
    }

    private static string LastName(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
