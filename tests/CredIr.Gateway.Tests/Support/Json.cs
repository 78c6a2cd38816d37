using System.Text.Json;

namespace CredIr.Gateway.Tests.Support;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string OpenBody(string requestId, string title) =>
        $$$"""{"requestId":"{{{requestId}}}","title":"{{{title}}}","input":{"accessKeyId":"AKIAIOSFODNN7EXAMPLE"}}""";
}
