using System.Globalization;
using System.Text.Json;

namespace CredIr.Identification.Inputs;

/// <summary>
/// Case-insensitive reads from findings: the same finding arrives camelCase (EventBridge, console export)
/// or PascalCase (AWS CLI output of get-findings), so member names are matched ignoring case.
/// </summary>
internal static class JsonLookup
{
    public static JsonElement? Get(this JsonElement element, string path)
    {
        var current = element;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !TryGetProperty(current, name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static bool Has(this JsonElement element, string path) => element.Get(path) is { ValueKind: not JsonValueKind.Null };

    public static string? GetString(this JsonElement element, string path) => element.Get(path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString() is { Length: > 0 } text ? text : null,
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static double? GetDouble(this JsonElement element, string path) => element.Get(path) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static IEnumerable<JsonElement> GetArray(this JsonElement element, string path) =>
        element.Get(path) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>ISO 8601, RFC 1123 ("Sat, 05 Jun 2016 15:10:09 GMT", AWS Health in EventBridge) or epoch seconds (Health API).</summary>
    public static DateTimeOffset? GetTime(this JsonElement element, string path, string field)
    {
        var value = element.Get(path);
        if (value is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(v.GetDouble() * 1000));
        }

        var text = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new InputValidationException(field, $"{path} '{text ?? v.GetRawText()}' is not a time (ISO 8601, e.g. 2024-05-01T12:00:00Z)");
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
