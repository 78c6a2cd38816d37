using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Contracts;

/// <summary>
/// google.protobuf.Timestamp's documented range (0001-01-01 to 9999-12-31, nanos 0 to 999,999,999), which
/// the C# runtime enforces by throwing on conversion and JSON formatting. The hosts refuse a time outside it;
/// these read what was stored before they did, without failing on it.
/// </summary>
public static class ValidTimes
{
    public const long MinSeconds = -62_135_596_800;

    public const long MaxSeconds = 253_402_300_799;

    public static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= MinSeconds and <= MaxSeconds && timestamp.Nanos is >= 0 and <= 999_999_999;

    /// <summary>The time, or null when it is unset or out of range.</summary>
    public static DateTimeOffset? ToDateTimeOffset(Timestamp? timestamp) =>
        timestamp is not null && IsValid(timestamp) ? timestamp.ToDateTimeOffset() : null;

    /// <summary>How a time out of range is shown: "invalid (seconds=..., nanos=...)".</summary>
    public static string DescribeInvalid(Timestamp timestamp) =>
        string.Create(CultureInfo.InvariantCulture, $"invalid (seconds={timestamp.Seconds}, nanos={timestamp.Nanos})");

    /// <summary>The paths of the timestamps out of range anywhere in <paramref name="message"/> ("compromise_window.start").</summary>
    public static IReadOnlyList<string> InvalidPaths(IMessage message)
    {
        var paths = new List<string>();
        Visit(message, string.Empty, (path, _) => paths.Add(path));
        return paths;
    }

    /// <summary>
    /// <paramref name="message"/> itself when every timestamp in it is in range, else a copy with each one out
    /// of range cleared, so that it can be formatted or converted.
    /// </summary>
    public static IMessage WithoutInvalid(IMessage message)
    {
        if (InvalidPaths(message).Count == 0)
        {
            return message;
        }

        var copy = message.Descriptor.Parser.ParseFrom(message.ToByteString());
        Visit(copy, string.Empty, static (_, clear) => clear());
        return copy;
    }

    private static void Visit(IMessage message, string prefix, Action<string, Action> onInvalid)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.Message)
            {
                continue;
            }

            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value is IMessage child and not Timestamp)
                    {
                        Visit(child, $"{path}[{entry.Key}].", onInvalid);
                    }
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    if (list[i] is Timestamp timestamp && !IsValid(timestamp))
                    {
                        onInvalid(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), () => list[index] = new Timestamp());
                    }
                    else if (list[i] is IMessage child)
                    {
                        Visit(child, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]."), onInvalid);
                    }
                }
            }
            else if (value is Timestamp timestamp)
            {
                if (!IsValid(timestamp))
                {
                    onInvalid(path, () => field.Accessor.Clear(message));
                }
            }
            else if (value is IMessage child)
            {
                Visit(child, path + ".", onInvalid);
            }
        }
    }
}
