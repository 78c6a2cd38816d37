using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Reports.Building;

/// <summary>
/// Removes secrets from raw JSON before it enters a report. The inputs carry none by contract
/// (the trail sources strip them); this is the second line, because a report is copied to
/// tickets and mail where a leaked secret could not be taken back.
/// </summary>
internal static class Redactor
{
    public const string Redacted = "[redacted]";
    public const string Unparseable = "[omitted: not valid JSON]";

    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "secretaccesskey", "awssecretaccesskey", "secretkey", "sessiontoken", "awssessiontoken",
        "securitytoken", "xamzsecuritytoken", "accesstoken", "refreshtoken", "idtoken",
        "webidentitytoken", "privatekey", "clientsecret", "secretstring", "secretbinary",
    };

    public static JsonNode? RedactJson(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(raw);
        }
        catch (JsonException)
        {
            return JsonValue.Create(Unparseable);
        }

        return node is null ? null : Redact(node);
    }

    public static bool IsSecretName(string name)
    {
        var normalized = new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return normalized.Contains("password", StringComparison.Ordinal) || SecretNames.Contains(normalized);
    }

    private static JsonNode Redact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name))
                    {
                        obj[name] = Redacted;
                    }
                    else if (obj[name] is { } child)
                    {
                        Redact(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Redact(item);
                    }
                }

                break;
        }

        return node;
    }
}
