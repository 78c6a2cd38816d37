using System.Text.RegularExpressions;

namespace CredIr.Identification.Inputs;

/// <summary>Shapes of AWS access key ids and principal unique ids.</summary>
public static partial class AccessKeyIds
{
    /// <summary>AKIA (long-term user key) or ASIA (temporary) followed by 16 upper-case letters or digits.</summary>
    public static bool IsAccessKeyId(string? value) => value is not null && AccessKeyPattern().IsMatch(value);

    /// <summary>A long-term IAM user key.</summary>
    public static bool IsLongTerm(string value) => IsAccessKeyId(value) && value.StartsWith("AKIA", StringComparison.Ordinal);

    /// <summary>AIDA (IAM user) or AROA (IAM role) unique ids, as GuardDuty's principalId and CloudTrail's userIdentity carry them.</summary>
    public static bool IsPrincipalId(string? value) => value is not null && PrincipalIdPattern().IsMatch(value);

    /// <summary>Finds an access key id inside a longer identifier such as "AWS::IAM::AccessKey:AKIA...".</summary>
    public static string? FindIn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = EmbeddedAccessKeyPattern().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex("^(AKIA|ASIA)[A-Z0-9]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyPattern();

    [GeneratedRegex("^(AIDA|AROA)[A-Z0-9]{12,28}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrincipalIdPattern();

    [GeneratedRegex("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedAccessKeyPattern();
}
