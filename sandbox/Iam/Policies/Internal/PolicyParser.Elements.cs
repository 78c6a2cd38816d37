using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CredIr.Sandbox.Iam.Policies.Internal;

internal static partial class PolicyParser
{
    private const string VendorPrefix = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";

    private static readonly SearchValues<char> VendorChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-*");

    // Condition keys of identity providers are prefixed by the provider's host (token.actions.githubusercontent.com:sub).
    private static readonly SearchValues<char> ConditionKeyPrefixChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/");

    private static (string[] Actions, bool IsNot) ReadActions(JsonElement? action, JsonElement? notAction, string where)
    {
        if (action is not null && notAction is not null)
        {
            throw Fail($"{SyntaxErrors} {Capitalize(where)} has both Action and NotAction; use one.");
        }

        var element = action ?? notAction;
        var actions = element is { } e ? ReadStrings(e, "Action", where) : [];
        if (actions.Length == 0)
        {
            throw Fail("Policy statement must contain actions.");
        }

        foreach (var value in actions)
        {
            if (value != "*" && !HasVendorPrefix(value, VendorChars))
            {
                throw Fail($"{VendorPrefix} (Action \"{value}\" in {where})");
            }
        }

        return (actions, notAction is not null);
    }

    private static (ResourcePattern[] Resources, bool IsNot) ReadResources(
        JsonElement? resource, JsonElement? notResource, PolicyDocumentKind kind, bool variables, string where)
    {
        if (resource is not null && notResource is not null)
        {
            throw Fail($"{SyntaxErrors} {Capitalize(where)} has both Resource and NotResource; use one.");
        }

        var element = resource ?? notResource;
        if (kind == PolicyDocumentKind.Trust)
        {
            return element is null ? ([], false) : throw Fail($"Has prohibited field {(resource is null ? "NotResource" : "Resource")}");
        }

        var resources = element is { } e ? ReadStrings(e, "Resource", where) : [];
        if (resources.Length == 0)
        {
            throw Fail("Policy statement must contain resources.");
        }

        foreach (var value in resources)
        {
            if (value != "*" && !value.StartsWith("arn:", StringComparison.Ordinal) && !value.StartsWith("${", StringComparison.Ordinal))
            {
                throw Fail($"Resource {value} must be in ARN format or \"*\".");
            }
        }

        return (Array.ConvertAll(resources, r => new ResourcePattern(r, variables)), notResource is not null);
    }

    private static (PrincipalSet? Principal, bool IsNot) ReadPrincipal(
        JsonElement? principal, JsonElement? notPrincipal, PolicyDocumentKind kind, string where)
    {
        var element = principal ?? notPrincipal;
        if (kind is PolicyDocumentKind.Identity or PolicyDocumentKind.ServiceControl)
        {
            return element is null ? (null, false) : throw Fail("Policy document should not specify a principal.");
        }

        if (principal is not null && notPrincipal is not null)
        {
            throw Fail($"{SyntaxErrors} {Capitalize(where)} has both Principal and NotPrincipal; use one.");
        }

        if (element is not { } e)
        {
            throw Fail("Missing required field Principal");
        }

        return (ReadPrincipalSet(e, where), notPrincipal is not null);
    }

    private static PrincipalSet ReadPrincipalSet(JsonElement element, string where)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "*"
                ? new PrincipalSet(true, [], [], [], [])
                : throw Fail($"Invalid principal in policy: {element.GetRawText()} (use \"*\" or an object such as {{\"AWS\": \"arn:aws:iam::123456789012:root\"}})");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"Invalid principal in policy: {element.GetRawText()}");
        }

        var everyone = false;
        string[] aws = [], services = [], federated = [], canonical = [];
        foreach (var property in UniqueProperties(element, $"the Principal of {where}"))
        {
            var values = ReadStrings(property.Value, "Principal", where);
            switch (property.Name)
            {
                case "AWS":
                    everyone |= values.Contains("*");
                    aws = [.. values.Where(v => v != "*").Select(NormalizeAwsPrincipal)];
                    break;
                case "Service": services = values; break;
                case "Federated": federated = values; break;
                case "CanonicalUser": canonical = values; break;
                default:
                    throw Fail($"Invalid principal in policy: \"{property.Name}\" (principal types are AWS, Service, Federated and CanonicalUser)");
            }
        }

        return new PrincipalSet(everyone, aws, services, federated, canonical);
    }

    private static string NormalizeAwsPrincipal(string value)
    {
        // A bare account id is the account's root in whatever partition the policy lives in:
        // kept as it is and matched against the caller's account.
        if (value.Length == 12 && value.All(char.IsAsciiDigit))
        {
            return value;
        }

        var parts = value.Split(':', 6);
        var valid = parts.Length == 6 && parts[0] == "arn" && parts[1].StartsWith("aws", StringComparison.Ordinal)
            && parts[3].Length == 0 && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit)
            && (parts[2] == "iam" && (parts[5] == "root" || parts[5].StartsWith("user/", StringComparison.Ordinal) || parts[5].StartsWith("role/", StringComparison.Ordinal))
                || parts[2] == "sts" && (parts[5].StartsWith("assumed-role/", StringComparison.Ordinal) || parts[5].StartsWith("federated-user/", StringComparison.Ordinal)));

        // IAM replaces a deleted principal by its unique id (AIDA..., AROA...), which it then accepts back.
        var uniqueId = value.Length >= 16 && value[0] == 'A' && value.All(char.IsAsciiLetterOrDigit);
        return valid || uniqueId ? value : throw Fail($"Invalid principal in policy: \"AWS\":\"{value}\"");
    }

    private static ConditionClause[] ReadConditions(JsonElement element, bool variables, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"{SyntaxErrors} The Condition of {where} must be an object of operators.");
        }

        var clauses = new List<ConditionClause>();
        foreach (var block in UniqueProperties(element, $"the Condition of {where}"))
        {
            if (!ConditionOperatorNames.TryParse(block.Name, out var op, out var negated, out var qualifier, out var ifExists))
            {
                throw Fail($"{SyntaxErrors} Unknown condition operator {block.Name} in {where}.");
            }

            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                throw Fail($"{SyntaxErrors} Condition operator {block.Name} in {where} must map condition keys to values.");
            }

            foreach (var entry in UniqueProperties(block.Value, $"{block.Name} of {where}"))
            {
                if (!HasVendorPrefix(entry.Name, ConditionKeyPrefixChars))
                {
                    throw Fail($"{VendorPrefix} (condition key \"{entry.Name}\" in {where})");
                }

                var values = ReadStrings(entry.Value, $"Condition {block.Name}", where, allowScalars: true);
                if (values.Length == 0)
                {
                    throw Fail($"{SyntaxErrors} Condition {block.Name} on {entry.Name} in {where} has no values.");
                }

                clauses.Add(new ConditionClause(
                    block.Name, op, negated, qualifier, ifExists, entry.Name, Array.ConvertAll(values, v => new ConditionValue(v, variables))));
            }
        }

        return [.. clauses];
    }

    private static string[] ReadStrings(JsonElement element, string field, string where, bool allowScalars = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var values = new string[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    values[index++] = ReadScalar(item, field, where, allowScalars);
                }

                return values;
            default:
                return [ReadScalar(element, field, where, allowScalars)];
        }
    }

    private static string ReadScalar(JsonElement element, string field, string where, bool allowScalars) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number when allowScalars => element.GetRawText(),
        JsonValueKind.True when allowScalars => "true",
        JsonValueKind.False when allowScalars => "false",
        _ => throw Fail($"{SyntaxErrors} {field} in {where} must be a string or an array of strings, not {element.GetRawText()}."),
    };

    private static bool HasVendorPrefix(string value, SearchValues<char> prefixChars)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < value.Length - 1
            && value.AsSpan(0, colon).IndexOfAnyExcept(prefixChars) < 0;
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
