using System.Text;
using CredIr.Contracts;
using CredIr.Contracts.V1;
using CredIr.Reports.Model;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Reports.Building;

/// <summary>Turns proto values into the report's stable forms (kebab-case enum names, UTC times).</summary>
internal static class ProtoValues
{
    // A time stored out of range (before the hosts refused such times) is left out rather than failing the report;
    // a note of the report names it (ReportBuilder).
    public static DateTimeOffset? Time(Timestamp? timestamp) =>
        ValidTimes.ToDateTimeOffset(timestamp)?.ToUniversalTime();

    // "SensitiveDataAccess" -> "sensitive-data-access": the proto enum names without their prefix,
    // so the JSON does not change if the C# generator's casing rules ever do.
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
    {
        var text = value.ToString();
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static ReportResource? Resource(ResourceRef? resource) =>
        resource is null
            ? null
            : new ReportResource(
                resource.Arn,
                resource.Type,
                resource.Id,
                resource.AccountId,
                resource.Region,
                new SortedDictionary<string, string>(resource.Tags, StringComparer.Ordinal));

    public static string ResourceLabel(ResourceRef resource) =>
        resource.Arn.Length > 0 ? resource.Arn : resource.Id;
}
