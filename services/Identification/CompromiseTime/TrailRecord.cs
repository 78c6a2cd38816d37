using System.Globalization;
using System.Text.Json;
using CredIr.Identification.Evidence;
using SecretScrubber = CredIr.Playbook.Trail.SecretScrubber;

namespace CredIr.Identification.CompromiseTime;

/// <summary>The fields of one CloudTrail record that identification reads.</summary>
public sealed record TrailRecord(
    string EventId,
    DateTimeOffset EventTime,
    string EventName,
    string EventSource,
    string? SourceIpAddress,
    string? UserAgent,
    string? AccessKeyId,
    string? PrincipalArn,
    string? AccountId,
    string? Region,
    string? ErrorCode)
{
    /// <summary>The record as CloudTrail holds it, secrets removed.</summary>
    public string RawJson { get; init; } = "{}";

    /// <summary>Reads a record in CloudTrail's shape (a log file's Records[] item, or LookupEvents' CloudTrailEvent).</summary>
    public static TrailRecord FromJson(JsonElement record)
    {
        static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var identity = record.TryGetProperty("userIdentity", out var id) && id.ValueKind == JsonValueKind.Object ? id : default;
        var time = Text(record, "eventTime") ?? throw new FormatException("CloudTrail record has no eventTime");
        return new TrailRecord(
            Text(record, "eventID") ?? "",
            DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            Text(record, "eventName") ?? "",
            Text(record, "eventSource") ?? "",
            Text(record, "sourceIPAddress"),
            Text(record, "userAgent"),
            identity.ValueKind == JsonValueKind.Object ? Text(identity, "accessKeyId") : null,
            identity.ValueKind == JsonValueKind.Object ? Text(identity, "arn") : null,
            Text(record, "recipientAccountId") ?? (identity.ValueKind == JsonValueKind.Object ? Text(identity, "accountId") : null),
            Text(record, "awsRegion"),
            Text(record, "errorCode"))
        {
            RawJson = SecretScrubber.Scrub(record),
        };
    }

    /// <summary>Calls AWS makes on the credential's behalf ("AWS Internal", "ec2.amazonaws.com") say nothing about who holds it.</summary>
    public bool FromAwsService =>
        SourceIpAddress is null
        || SourceIpAddress == "AWS Internal"
        || SourceIpAddress.EndsWith(".amazonaws.com", StringComparison.Ordinal);
}
