using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Identification.Evidence;

/// <summary>
/// Removes secrets from JSON before it is kept as evidence: CloudTrail's AssumeRole and GetSessionToken
/// records carry session tokens in responseElements.credentials, and CreateLoginProfile carries passwords.
/// </summary>
public static class SecretScrubber
{
    public const string Redacted = "[REDACTED]";

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "secretAccessKey", "sessionToken", "password", "newPassword", "oldPassword", "privateKey", "secret",
        "SecretAccessKey", "SessionToken", "clientSecret", "samlAssertion", "webIdentityToken",
    };

    public static string Scrub(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Not JSON: nothing structured to keep, and it may hold anything.
            return Redacted;
        }

        return node is null ? "null" : Scrub(node).ToJsonString();
    }

    public static string Scrub(JsonElement element) => Scrub(element.GetRawText());

    public static JsonNode Scrub(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (SecretNames.Contains(name) && child is not null)
                    {
                        obj[name] = Redacted;
                    }
                    else if (child is not null)
                    {
                        Scrub(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Scrub(child);
                    }
                }

                break;
        }

        return node;
    }
}
