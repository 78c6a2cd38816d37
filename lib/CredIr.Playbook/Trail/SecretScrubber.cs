using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>
/// Renders a record's JSON with every secret value replaced, so raw records can be kept in
/// evidence, reports and streams without carrying usable credentials. The one list of secret
/// field names for every service that keeps raw JSON (identification's evidence, eradication's
/// findings): the members botocore marks <c>sensitive</c> that carry a credential or key, in the
/// services the playbook reads, plus CloudTrail's and the findings' own names for them.
/// </summary>
public static class SecretScrubber
{
    public const string Redacted = "[REDACTED]";

    // Property names whose values are credentials anywhere in a record (compared ignoring case,
    // CloudTrail writes botocore's member names in lower camel case). A name that also holds
    // evidence the playbook needs (a tag's "value", an account "name") is not here: the test
    // SecretScrubberTests says why for each sensitive member it leaves.
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        // IAM and STS: access keys, sessions, console and service passwords, MFA seeds, SSH/X.509 private keys.
        "secretAccessKey",
        "rawSecretAccessKey",
        "sessionToken",
        "x-amz-security-token",
        "password",
        "newPassword",
        "oldPassword",
        "servicePassword",
        "base32StringSeed",
        "qrCodePng",
        "privateKey",
        "samlAssertion",
        "webIdentityToken",
        "clientSecret",
        "secret",

        // EC2: a Windows password, a key pair's private key, user data, a VPN's pre-shared keys.
        "passwordData",
        "keyMaterial",
        "userData",
        "vpnConnectionDeviceSampleConfiguration",

        // S3: customer-provided encryption keys (SSE-C).
        "sseCustomerKey",
        "copySourceSseCustomerKey",
        "x-amz-server-side-encryption-customer-key",
        "x-amz-copy-source-server-side-encryption-customer-key",

        // Lambda: environment variables, code, invocation payloads.
        "variables",
        "zipFile",
        "payload",

        // Secrets Manager and KMS: secret values, generated passwords, plaintext and private key material.
        "secretString",
        "secretBinary",
        "randomPassword",
        "plaintext",
        "privateKeyPlaintext",
        "keyStorePassword",
    };

    public static bool IsSecretName(string propertyName) => SecretNames.Contains(propertyName);

    /// <summary>Scrubs JSON text; text that is not JSON is replaced whole (it may hold anything).</summary>
    public static string Scrub(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Scrub(document.RootElement);
        }
        catch (JsonException)
        {
            return Redacted;
        }
    }

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
