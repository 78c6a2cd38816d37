using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Aws;

/// <summary>Reading and writing the JSON protocols (JSON 1.1 and REST-JSON).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>A JSON 1.1 request: POST / with X-Amz-Target "{prefix}.{operation}".</summary>
    public static AwsHttpRequest Target(string targetPrefix, string operation, JsonObject body, AwsRateLimit rateLimit = AwsRateLimit.None)
    {
        var request = new AwsHttpRequest(operation, HttpMethod.Post)
        {
            Body = Serialize(body),
            ContentType = "application/x-amz-json-1.1",
            RateLimit = rateLimit,
        };
        request.Headers["X-Amz-Target"] = targetPrefix + "." + operation;
        return request;
    }

    /// <summary>A REST-JSON request with an optional JSON body.</summary>
    public static AwsHttpRequest Rest(string operation, HttpMethod method, string resourcePath, JsonObject? body = null)
    {
        var request = new AwsHttpRequest(operation, method) { ResourcePath = resourcePath };
        if (body is not null)
        {
            request.Body = Serialize(body);
            request.ContentType = "application/json";
        }

        return request;
    }

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Compact);

    public static JsonDocument Parse(AwsHttpResponse response) =>
        JsonDocument.Parse(response.Body.Length == 0 ? "{}"u8.ToArray() : response.Body);

    public static JsonObject Object() => [];

    public static JsonObject Set(this JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }

        return body;
    }

    public static JsonObject Set(this JsonObject body, string name, string? value) =>
        body.Set(name, value is null ? null : JsonValue.Create(value));

    public static JsonObject Set(this JsonObject body, string name, int? value) =>
        body.Set(name, value is null ? null : JsonValue.Create(value.Value));

    public static JsonObject Set(this JsonObject body, string name, bool? value) =>
        body.Set(name, value is null ? null : JsonValue.Create(value.Value));

    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    public static string Required(this JsonElement element, string name) =>
        element.Str(name) ?? throw new FormatException($"The response lacks \"{name}\".");

    public static bool Bool(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.True };

    public static long? Long(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : null;

    public static double? Double(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray() : [];

    /// <summary>JSON 1.1 timestamps are epoch seconds (with a fraction); REST-JSON ones ISO 8601 strings. Both are read.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(number.GetDouble() * 1000)),
        { ValueKind: JsonValueKind.String } text => Xml.ParseTime(text.GetString()),
        _ => null,
    };

    public static JsonValue EpochSeconds(DateTimeOffset time) =>
        JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
