using Google.Protobuf;

namespace CredIr.Gateway.Rest;

/// <summary>The proto3 JSON mapping, both ways.</summary>
internal static class ProtoJson
{
    public static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static readonly JsonParser Parser = new(JsonParser.Settings.Default);
}
