using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>
/// Renders a record's JSON with every secret value replaced, so raw records can be kept in
/// evidence, reports and streams without carrying usable credentials.
/// </summary>
public static class SecretScrubber
{
    public const string Redacted = "[REDACTED]";

    // Property names whose values are credentials anywhere in a record (compared ignoring case).
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "secretAccessKey",
        "sessionToken",
        "password",
        "newPassword",
        "oldPassword",
        "passwordData",
        "secretString",
        "secretBinary",
        "privateKey",
        "samlAssertion",
        "webIdentityToken",
        "x-amz-security-token",
    };

    public static bool IsSecretName(string propertyName) => SecretNames.Contains(propertyName);

    public static string Scrub(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(element, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (IsSecretName(property.Name) && property.Value.ValueKind is not JsonValueKind.Null)
                    {
                        writer.WriteStringValue(Redacted);
                    }
                    else
                    {
                        Write(property.Value, writer);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
