namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>
/// Matches an ARN against an ARN pattern the way IAM does for Resource and the Arn condition operators:
/// case-sensitive, each of the colon-separated parts (arn:partition:service:region:account:resource)
/// matched on its own so a wildcard in the account part cannot swallow the region, while the
/// resource part (which may itself contain colons) is matched as a whole.
/// </summary>
internal static class ArnMatcher
{
    private const int ResourcePart = 5;

    public static bool IsMatch(string pattern, string arn)
    {
        if (pattern == "*")
        {
            return true;
        }

        var p = pattern.AsSpan();
        var a = arn.AsSpan();
        for (var part = 0; part < ResourcePart; part++)
        {
            var pe = p.IndexOf(':');
            if (pe < 0)
            {
                // A pattern with fewer parts than the ARN: its last part covers the rest (e.g. "arn:aws:s3:*").
                return Wildcard.IsMatch(p, a, ignoreCase: false);
            }

            var ae = a.IndexOf(':');
            if (ae < 0)
            {
                return false;
            }

            if (!Wildcard.IsMatch(p[..pe], a[..ae], ignoreCase: false))
            {
                return false;
            }

            p = p[(pe + 1)..];
            a = a[(ae + 1)..];
        }

        return Wildcard.IsMatch(p, a, ignoreCase: false);
    }
}
