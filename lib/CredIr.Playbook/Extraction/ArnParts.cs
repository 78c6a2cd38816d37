namespace CredIr.Playbook.Extraction;

/// <summary>Small helpers over ARNs (arn:partition:service:region:account:resource).</summary>
public static class ArnParts
{
    public static string? Account(string? arn) => Field(arn, 4);

    public static string? Region(string? arn) => Field(arn, 3);

    /// <summary>The part after the last '/' (or ':'): a user, role or function name.</summary>
    public static string? Name(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            return null;
        }

        var cut = Math.Max(arn.LastIndexOf('/'), arn.LastIndexOf(':'));
        return cut >= 0 ? arn[(cut + 1)..] : arn;
    }

    public static string Partition(string? arn) => Field(arn, 1) ?? "aws";

    private static string? Field(string? arn, int index)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':', 6);
        return parts.Length > index && parts[index].Length > 0 ? parts[index] : null;
    }
}
