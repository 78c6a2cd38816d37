using System.Text;

namespace CredIr.Cli.Output;

/// <summary>
/// Enum values as the CLI prints them: Google.Protobuf's C# names (PascalCase, prefix removed)
/// in snake case, so PHASE_CONTAINED prints as "contained" and CREDENTIAL_KIND_ACCESS_KEY as "access_key".
/// </summary>
internal static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var pascal = value.ToString();
        var builder = new StringBuilder(pascal.Length + 8);
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
