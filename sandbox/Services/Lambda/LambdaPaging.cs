using System.Globalization;
using System.Text;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Lambda;

/// <summary>ListFunctions' MaxItems (1..10000, 50 when absent, as Lambda pages) and its opaque Marker / NextMarker.</summary>
internal static class LambdaPaging
{
    private const string Prefix = "functions:";

    public static (int Start, int Max) Read(IReadOnlyDictionary<string, string> query)
    {
        var max = 50;
        if (query.GetValueOrDefault("MaxItems") is { } text)
        {
            if (!int.TryParse(text, CultureInfo.InvariantCulture, out max) || max is < 1 or > 10000)
            {
                throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{text}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000");
            }
        }

        return (Start(query.GetValueOrDefault("Marker")), max);
    }

    public static string Marker(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Start(string? marker)
    {
        if (marker is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text[Prefix.Length..], CultureInfo.InvariantCulture, out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to Lambda's answer for a marker it did not issue.
        }

        throw new AwsServiceException("InvalidParameterValueException", "Invalid marker value");
    }
}
