using System.Text.Json;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>
/// Reads a policy document with IAM's rules: Statement as one object or an array, strings or arrays of
/// strings wherever IAM allows either, and the elements each kind of policy requires or refuses. Messages
/// follow IAM's MalformedPolicyDocument wording where it is known, with the offending value added.
/// </summary>
internal static partial class PolicyParser
{
    public const string CurrentVersion = "2012-10-17";
    public const string LegacyVersion = "2008-10-17";
    private const string SyntaxErrors = "Syntax errors in policy.";

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public static PolicyDocument Parse(string json, PolicyDocumentKind kind)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw Fail($"{SyntaxErrors} The policy document is empty.");
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw Fail($"{SyntaxErrors} The document is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }

        using (parsed)
        {
            return ReadDocument(json, parsed.RootElement, kind);
        }
    }

    private static PolicyDocument ReadDocument(string json, JsonElement root, PolicyDocumentKind kind)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{SyntaxErrors} A policy document is a JSON object with Version and Statement.");
        }

        string? version = null, id = null;
        JsonElement? statement = null;
        foreach (var property in UniqueProperties(root, "the policy document"))
        {
            switch (property.Name)
            {
                case "Version":
                    version = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    if (version is not (CurrentVersion or LegacyVersion))
                    {
                        throw Fail($"{SyntaxErrors} Version must be \"{CurrentVersion}\" or \"{LegacyVersion}\", not {property.Value.GetRawText()}.");
                    }

                    break;
                case "Id":
                    id = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()
                        : throw Fail($"{SyntaxErrors} Id must be a string.");
                    break;
                case "Statement":
                    statement = property.Value;
                    break;
                default:
                    throw Fail($"{SyntaxErrors} Unknown field {property.Name}; a policy document has Version, Id and Statement.");
            }
        }

        if (statement is not { } statements)
        {
            throw Fail("Missing required field Statement");
        }

        version ??= LegacyVersion;
        var variables = version == CurrentVersion;
        var list = new List<PolicyStatement>();
        var sids = new HashSet<string>(StringComparer.Ordinal);
        switch (statements.ValueKind)
        {
            case JsonValueKind.Object:
                list.Add(ReadStatement(statements, 1, kind, variables, sids));
                break;
            case JsonValueKind.Array:
                foreach (var element in statements.EnumerateArray())
                {
                    list.Add(ReadStatement(element, list.Count + 1, kind, variables, sids));
                }

                break;
            default:
                throw Fail($"{SyntaxErrors} Statement must be an object or an array of objects.");
        }

        return new PolicyDocument(json, kind, version, id, [.. list]);
    }

    private static PolicyStatement ReadStatement(
        JsonElement element, int number, PolicyDocumentKind kind, bool variables, HashSet<string> sids)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{SyntaxErrors} Statement {number} must be a JSON object.");
        }

        var where = $"statement {number}";
        string? sid = null;
        PolicyEffect? effect = null;
        JsonElement? action = null, notAction = null, resource = null, notResource = null;
        JsonElement? principal = null, notPrincipal = null, condition = null;
        foreach (var property in UniqueProperties(element, where))
        {
            switch (property.Name)
            {
                case "Sid": sid = ReadSid(property.Value, kind, sids); break;
                case "Effect": effect = ReadEffect(property.Value); break;
                case "Action": action = property.Value; break;
                case "NotAction": notAction = property.Value; break;
                case "Resource": resource = property.Value; break;
                case "NotResource": notResource = property.Value; break;
                case "Principal": principal = property.Value; break;
                case "NotPrincipal": notPrincipal = property.Value; break;
                case "Condition": condition = property.Value; break;
                default:
                    throw Fail($"{SyntaxErrors} Unknown field {property.Name} in {where}.");
            }
        }

        if (effect is not { } statementEffect)
        {
            throw Fail("Missing required field Effect");
        }

        var (actions, isNotAction) = ReadActions(action, notAction, where);
        var (resources, isNotResource) = ReadResources(resource, notResource, kind, variables, where);
        var (principals, isNotPrincipal) = ReadPrincipal(principal, notPrincipal, kind, where);
        var conditions = condition is { } c ? ReadConditions(c, variables, where) : [];
        return new PolicyStatement(sid, statementEffect, actions, isNotAction, resources, isNotResource, principals, isNotPrincipal, conditions);
    }

    private static string ReadSid(JsonElement value, PolicyDocumentKind kind, HashSet<string> sids)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail($"{SyntaxErrors} Sid must be a string.");
        }

        var sid = value.GetString()!;
        if (kind == PolicyDocumentKind.Identity && !sid.All(char.IsAsciiLetterOrDigit))
        {
            throw Fail($"Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]* (got \"{sid}\").");
        }

        if (sid.Length > 0 && !sids.Add(sid))
        {
            throw Fail($"Statement IDs (SID) in a single policy must be unique (\"{sid}\" appears twice).");
        }

        return sid;
    }

    private static PolicyEffect ReadEffect(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "Allow" => PolicyEffect.Allow,
            "Deny" => PolicyEffect.Deny,
            var other => throw Fail($"Invalid effect: {other}. Effect must be \"Allow\" or \"Deny\"."),
        }
        : throw Fail($"Invalid effect: {value.GetRawText()}. Effect must be \"Allow\" or \"Deny\".");

    private static List<JsonProperty> UniqueProperties(JsonElement element, string where)
    {
        var properties = new List<JsonProperty>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                throw Fail($"{SyntaxErrors} Field {property.Name} appears twice in {where}.");
            }

            properties.Add(property);
        }

        return properties;
    }

    private static MalformedPolicyDocumentException Fail(string message) => new(message);
}
