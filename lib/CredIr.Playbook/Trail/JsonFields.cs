using System.Globalization;
using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>Tolerant accessors: real records omit fields, set them to null, or change their JSON type.</summary>
public static class JsonFields
{
    private static readonly string[] LenientTimeFormats =
    [
        // CloudTrail renders some SDK timestamps the Java way, e.g. "Nov 30, 2024, 8:43:17 PM".
        "MMM d, yyyy, h:mm:ss tt",
        "MMM d, yyyy h:mm:ss tt",
    ];

    /// <summary>The property as an object, or null when missing, null or not an object.</summary>
    public static JsonElement? ObjectAt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>A string property; numbers and booleans come back as their JSON text; null when missing.</summary>
    public static string? StringAt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsString(value) : null;

    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    // UTF-8 name overloads: the record parser's hot path, no transcoding of property names per lookup.
    public static JsonElement? ObjectAt(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? StringAt(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsString(value) : null;

    public static bool? BoolAt(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsBool(value) : null;

    public static DateTimeOffset? TimeAt(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsTime(value) : null;

    private static bool? AsBool(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A boolean given as true/false or as the strings "true"/"false".</summary>
    public static bool? BoolAt(JsonElement element, string name)
    {
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsBool(value) : null;
    }

    public static DateTimeOffset? TimeAt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? AsTime(value) : null;

    /// <summary>ISO 8601 first, then the looser renderings found in responseElements; always UTC.</summary>
    public static DateTimeOffset? AsTime(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (value.TryGetDateTimeOffset(out var iso))
        {
            return iso.ToUniversalTime();
        }

        var text = value.GetString();
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, LenientTimeFormats, CultureInfo.InvariantCulture, Utc, out var loose)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Utc, out loose))
        {
            return loose;
        }

        return null;
    }

    /// <summary>
    /// Values at a dotted path; "[]" after a segment walks every element of an array there.
    /// E.g. "instancesSet.items[].instanceId". Only string-like leaves are returned.
    /// </summary>
    public static IEnumerable<string> AtPath(JsonElement root, string path) => AtPath(root, path.Split('.'));

    /// <summary><see cref="AtPath(JsonElement, string)"/> with the path already split on '.'.</summary>
    public static IReadOnlyList<string> AtPath(JsonElement root, string[] segments)
    {
        List<string>? results = null;
        Collect(root, segments, 0, ref results);
        return results ?? (IReadOnlyList<string>)[];
    }

    private static void Collect(JsonElement current, string[] segments, int index, ref List<string>? results)
    {
        if (index == segments.Length)
        {
            if (AsString(current) is { Length: > 0 } leaf)
            {
                (results ??= []).Add(leaf);
            }
            else if (current.ValueKind == JsonValueKind.Object
                && current.TryGetProperty("content", out var content)
                && AsString(content) is { Length: > 0 } wrapped)
            {
                // EC2's newer query APIs wrap values as {"tag":1,"content":"fl-..."}.
                (results ??= []).Add(wrapped);
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    Collect(item, segments, index, ref results);
                }
            }

            return;
        }

        var segment = segments[index];
        var walkArray = segment.EndsWith("[]", StringComparison.Ordinal);
        var name = walkArray ? segment[..^2] : segment;
        if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next))
        {
            return;
        }

        if (walkArray && next.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in next.EnumerateArray())
            {
                Collect(item, segments, index + 1, ref results);
            }
        }
        else if (!walkArray)
        {
            Collect(next, segments, index + 1, ref results);
        }
    }
}
