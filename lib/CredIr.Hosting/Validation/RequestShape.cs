using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using CredIr.Contracts;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CredIr.Hosting.Validation;

/// <summary>
/// Checks every field of a request against <see cref="FieldLimits"/> before a handler sees it: timestamps
/// and durations in range and normalized, enum values known, strings bounded and free of control
/// characters, regions shaped as region names (they reach URLs and signed headers), repeated fields
/// bounded. The first violation is INVALID_ARGUMENT naming the field path and the limit.
/// </summary>
public static partial class RequestShape
{
    private const long MaxDurationSeconds = 315_576_000_000;

    /// <summary>Throws INVALID_ARGUMENT for the first field of <paramref name="message"/> out of its limits.</summary>
    public static void Check(IMessage message)
    {
        if (Problem(message) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
    }

    /// <summary>What is wrong with the first field out of its limits, or null.</summary>
    public static string? Problem(IMessage message) => Walk(message, string.Empty);

    /// <summary>Why a timestamp is not one a caller may send, or null (no timestamp is fine: required ones are the validators' to ask for).</summary>
    public static string? TimestampProblem(Timestamp? timestamp, string field) => timestamp switch
    {
        null => null,
        { Seconds: < ValidTimes.MinSeconds or > ValidTimes.MaxSeconds } => Invariant($"{field}: seconds {timestamp.Seconds} is outside 0001-01-01 to 9999-12-31 (seconds {ValidTimes.MinSeconds} to {ValidTimes.MaxSeconds})."),
        { Nanos: < 0 or > 999_999_999 } => Invariant($"{field}: nanos {timestamp.Nanos} is outside 0 to 999999999."),
        _ => null,
    };

    private static string? Walk(IMessage message, string prefix)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            var problem = field switch
            {
                { IsMap: true } => Map(field, (IDictionary)value, path),
                { IsRepeated: true } => List(field, (IList)value, path),
                _ => Single(field, value, path),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? List(FieldDescriptor field, IList values, string path)
    {
        var max = FieldLimits.Count(field.Name);
        if (values.Count > max)
        {
            return Invariant($"{path}: {values.Count} entries; at most {max} are accepted.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (Single(field, values[i], Invariant($"{path}[{i}]")) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Map(FieldDescriptor field, IDictionary entries, string path)
    {
        var max = FieldLimits.Count(field.Name);
        if (entries.Count > max)
        {
            return Invariant($"{path}: {entries.Count} entries; at most {max} are accepted.");
        }

        var keyField = field.MessageType.FindFieldByNumber(1);
        var valueField = field.MessageType.FindFieldByNumber(2);
        foreach (DictionaryEntry entry in entries)
        {
            var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            var problem = Single(keyField, entry.Key, $"{path} key") ?? Single(valueField, entry.Value, $"{path}[{RpcText.Quote(key)}]");
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Single(FieldDescriptor field, object? value, string path) => field.FieldType switch
    {
        FieldType.String => Text(field, (string)value!, path),
        FieldType.Enum => Enum(field, value!, path),
        FieldType.Message or FieldType.Group => value switch
        {
            null => null,
            Timestamp timestamp => TimestampProblem(timestamp, path),
            Duration duration => DurationProblem(duration, path),
            IMessage child => Walk(child, path + "."),
            _ => null,
        },
        _ => null,
    };

    private static string? Text(FieldDescriptor field, string value, string path)
    {
        var (max, multiline) = FieldLimits.ForString(field.Name);
        if (value.Length > max)
        {
            return Invariant($"{path}: {value.Length} characters; at most {max} are accepted ({RpcText.Quote(value)}).");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return Invariant($"{path}: contains the control character U+{(int)c:X4}{(multiline ? " (only tab and line breaks are allowed)" : string.Empty)} ({RpcText.Quote(value)}).");
            }
        }

        if (field.Name is "region" or "regions" && value.Length > 0 && !Region().IsMatch(value))
        {
            return $"{path}: {RpcText.Quote(value)} is not a region name (lower-case letters, digits and hyphens, like us-east-1).";
        }

        return null;
    }

    private static string? Enum(FieldDescriptor field, object value, string path)
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        return field.EnumType.FindValueByNumber(number) is null
            ? Invariant($"{path}: {number} is not a value of {field.EnumType.FullName} (known: {string.Join(", ", field.EnumType.Values.Select(v => v.Name))}).")
            : null;
    }

    private static string? DurationProblem(Duration duration, string path) => duration switch
    {
        { Seconds: < -MaxDurationSeconds or > MaxDurationSeconds } => Invariant($"{path}: seconds {duration.Seconds} is outside +/-{MaxDurationSeconds}."),
        { Nanos: < -999_999_999 or > 999_999_999 } => Invariant($"{path}: nanos {duration.Nanos} is outside +/-999999999."),
        { Seconds: > 0, Nanos: < 0 } or { Seconds: < 0, Nanos: > 0 } => Invariant($"{path}: seconds and nanos have different signs (not a normalized duration)."),
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Region();
}
