using CredIr.Contracts;
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

    /// <summary>
    /// The message as JSON. A time stored out of range (before the servers refused such times) has no JSON form:
    /// it is left out, and stderr says which field held an invalid value.
    /// </summary>
    public static string Format(IMessage message)
    {
        var invalid = ValidTimes.InvalidPaths(message);
        foreach (var path in invalid)
        {
            Console.Error.WriteLine($"credir: {path} holds an invalid time; it is left out of the JSON.");
        }

        return Formatter.Format(invalid.Count == 0 ? message : ValidTimes.WithoutInvalid(message));
    }

    public static void Write(IMessage message) => Console.Out.WriteLine(Format(message));
}
