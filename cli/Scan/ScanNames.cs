using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Scan;

/// <summary>
/// The stable names the scan output uses for enum values: "sensitive_data_access" for
/// EVENT_CATEGORY_SENSITIVE_DATA_ACCESS, "access_key" for CREDENTIAL_KIND_ACCESS_KEY. Scripts
/// depend on them (docs/scan-output.md).
/// </summary>
internal static class ScanNames
{
    public static string Category(EventCategory category) => EnumText.Of(category);

    public static string Kind(CredentialKind kind) => EnumText.Of(kind);
}
