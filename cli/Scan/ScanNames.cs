using CredIr.Contracts.V1;

namespace CredIr.Cli.Scan;

/// <summary>
/// The stable names the scan output uses for enum values: "sensitive_data_access" for
/// EVENT_CATEGORY_SENSITIVE_DATA_ACCESS, "access_key" for CREDENTIAL_KIND_ACCESS_KEY. Scripts
/// depend on them (docs/scan-output.md).
/// </summary>
internal static class ScanNames
{
    public static string Category(EventCategory category) => Strip(category.ToString());

    public static string Kind(CredentialKind kind) => Strip(kind.ToString());

    // Google.Protobuf's C# enum names are PascalCase without the prefix (SensitiveDataAccess).
    private static string Strip(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
