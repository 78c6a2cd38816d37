namespace CredIr.Eradication.Trails.Athena;

/// <summary>
/// What makes an Athena target usable: names Athena accepts (they go into the SQL), s3:// URLs, a trail prefix when the
/// table is to be created. Checked at start for the configured targets, and again for the one a scan resolves.
/// </summary>
public static partial class AthenaTargetRules
{
    /// <summary>What is wrong with the target, each setting named by <paramref name="field"/>; null when nothing is.</summary>
    public static string? Problem(AthenaTarget target, Func<string, string> field)
    {
        foreach (var (name, value) in new[] { ("Database", target.Database), ("Table", target.Table) })
        {
            if (!Identifier().IsMatch(value))
            {
                return $"{field(name)}: '{value}' is not an Athena name (lower-case letters, digits and underscores)";
            }
        }

        if (!WorkGroupName().IsMatch(target.WorkGroup))
        {
            return $"{field("WorkGroup")}: '{target.WorkGroup}' is not a workgroup name (letters, digits, '.', '_' and '-')";
        }

        if (target.OutputLocation is { } output && !output.StartsWith("s3://", StringComparison.Ordinal))
        {
            return $"{field("OutputLocation")}: '{output}' is not an s3://bucket/prefix/ URL";
        }

        if (target.TrailLocation is { } trail && (!trail.StartsWith("s3://", StringComparison.Ordinal) || trail.Contains('\'', StringComparison.Ordinal)))
        {
            return $"{field("TrailLocation")}: '{trail}' is not an s3://bucket/AWSLogs/o-xxxxxxxxxx/ URL";
        }

        return target.CreateTable && target.TrailLocation is null
            ? $"{field("TrailLocation")}: creating the table needs the organization trail's prefix (s3://bucket/AWSLogs/o-xxxxxxxxxx/)"
            : null;
    }

    /// <summary>Whether a target's name can be configured and asked for (letters, digits, '.', '_' and '-').</summary>
    public static bool IsTargetName(string name) => TargetName().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9_]{1,255}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Identifier();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z0-9._-]{1,128}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WorkGroupName();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z0-9._-]{1,64}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TargetName();
}
