using Google.Protobuf;

namespace CredIr.Cli.Output;

/// <summary>
/// <c>--output json</c>: a message in protobuf's JSON mapping (lowerCamelCase fields, enum value
/// names such as "PHASE_CONTAINED", RFC 3339 times), the same document the gateway's REST routes
/// return. One message per line.
/// </summary>
internal static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static string Format(IMessage message) => Formatter.Format(message);

    public static void Write(IMessage message) => Console.Out.WriteLine(Format(message));
}
