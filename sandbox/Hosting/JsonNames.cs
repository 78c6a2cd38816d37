using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Hosting;

/// <summary>CloudTrail writes a JSON request's parameters with camelCase names.</summary>
internal static class JsonNames
{
    public static JsonNode? Camel(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(Protocols.QueryParams.Camel(kv.Key), Camel(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Camel).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };
}
