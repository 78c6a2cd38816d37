using System.Text.Json;

namespace CredIr.Recovery.Cmdb;

/// <summary>
/// One resource's known-good configuration. The fields recovery understands (see README): IAM users and roles
/// (path, managedPolicyArns, inlinePolicies, groups, tags, permissionsBoundary; roles also
/// assumeRolePolicyDocument, description, maxSessionDuration), managed policies (defaultVersionId) and buckets
/// (region, versioning, tags).
/// </summary>
public sealed record CmdbRecord(string Arn, JsonElement Configuration)
{
    public string? Text(string name) =>
        Configuration.ValueKind == JsonValueKind.Object && Configuration.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public int? Number(string name) =>
        Configuration.ValueKind == JsonValueKind.Object && Configuration.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : null;

    public IReadOnlyList<string> Strings(string name) =>
        Configuration.ValueKind == JsonValueKind.Object && Configuration.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>A policy document field, as compact JSON text (a document may be given as an object or a string).</summary>
    public string? Document(string name) =>
        Configuration.ValueKind == JsonValueKind.Object && Configuration.TryGetProperty(name, out var value) ? AsDocument(value) : null;

    /// <summary>Name to document (inlinePolicies) or key to value (tags).</summary>
    public IReadOnlyDictionary<string, string> Map(string name)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Configuration.ValueKind == JsonValueKind.Object && Configuration.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (AsDocument(property.Value) is { } text)
                {
                    map[property.Name] = text;
                }
            }
        }

        return map;
    }

    private static string? AsDocument(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object or JsonValueKind.Array => value.GetRawText().Length > 0 ? JsonSerializer.Serialize(value) : null,
        _ => null,
    };
}
