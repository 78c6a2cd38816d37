using System.Text.Json;

namespace CredIr.Sandbox.Tests.Trail;

internal static class RecordJson
{
    public static JsonElement Of(RecordedEvent e) => JsonDocument.Parse(e.Json).RootElement.Clone();

    public static string? Str(this JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString();
    }
}
