using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>Maps one CloudTrail record (a JSON object) to <see cref="CloudTrailRecord"/>, tolerating missing and null fields.</summary>
public static class CloudTrailRecordParser
{
    /// <summary>Parses a record from its UTF-8 bytes. The result owns a copy of the bytes.</summary>
    public static CloudTrailRecord Parse(ReadOnlySpan<byte> utf8Record)
    {
        var reader = new Utf8JsonReader(utf8Record);
        reader.Read();
        // ParseValue copies into a document that needs no Dispose, so records can outlive the read buffer.
        return FromElement(JsonElement.ParseValue(ref reader));
    }

    public static CloudTrailRecord FromElement(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A CloudTrail record is a JSON object, not {record.ValueKind}.");
        }

        return new CloudTrailRecord
        {
            EventVersion = JsonFields.StringAt(record, "eventVersion"u8),
            UserIdentity = JsonFields.ObjectAt(record, "userIdentity"u8) is { } identity ? ParseIdentity(identity) : UserIdentity.Empty,
            EventTime = JsonFields.TimeAt(record, "eventTime"u8) ?? DateTimeOffset.MinValue,
            EventSource = JsonFields.StringAt(record, "eventSource"u8) ?? "",
            EventName = JsonFields.StringAt(record, "eventName"u8) ?? "",
            AwsRegion = JsonFields.StringAt(record, "awsRegion"u8),
            SourceIpAddress = JsonFields.StringAt(record, "sourceIPAddress"u8),
            UserAgent = JsonFields.StringAt(record, "userAgent"u8),
            RequestParameters = JsonFields.ObjectAt(record, "requestParameters"u8),
            ResponseElements = JsonFields.ObjectAt(record, "responseElements"u8),
            ErrorCode = JsonFields.StringAt(record, "errorCode"u8),
            ErrorMessage = JsonFields.StringAt(record, "errorMessage"u8),
            RequestId = JsonFields.StringAt(record, "requestID"u8),
            EventId = JsonFields.StringAt(record, "eventID"u8) ?? "",
            ReadOnly = JsonFields.BoolAt(record, "readOnly"u8),
            Resources = ParseResources(record),
            EventType = JsonFields.StringAt(record, "eventType"u8),
            ManagementEvent = JsonFields.BoolAt(record, "managementEvent"u8),
            RecipientAccountId = JsonFields.StringAt(record, "recipientAccountId"u8),
            EventCategory = JsonFields.StringAt(record, "eventCategory"u8),
            SharedEventId = JsonFields.StringAt(record, "sharedEventID"u8),
            SessionCredentialFromConsole = JsonFields.BoolAt(record, "sessionCredentialFromConsole"u8) ?? false,
            Raw = record,
        };
    }

    private static UserIdentity ParseIdentity(JsonElement identity)
    {
        SessionContext? context = null;
        if (JsonFields.ObjectAt(identity, "sessionContext"u8) is { } session)
        {
            var issuer = JsonFields.ObjectAt(session, "sessionIssuer"u8) is { } i
                ? new SessionIssuer(
                    JsonFields.StringAt(i, "type"u8),
                    JsonFields.StringAt(i, "arn"u8),
                    JsonFields.StringAt(i, "userName"u8),
                    JsonFields.StringAt(i, "accountId"u8),
                    JsonFields.StringAt(i, "principalId"u8))
                : null;
            var attributes = JsonFields.ObjectAt(session, "attributes"u8);
            context = new SessionContext(
                issuer,
                attributes is { } a ? JsonFields.TimeAt(a, "creationDate"u8) : null,
                attributes is { } b ? JsonFields.BoolAt(b, "mfaAuthenticated"u8) : null);
        }

        return new UserIdentity(
            JsonFields.StringAt(identity, "type"u8),
            JsonFields.StringAt(identity, "principalId"u8),
            JsonFields.StringAt(identity, "arn"u8),
            JsonFields.StringAt(identity, "accountId"u8),
            NullIfEmpty(JsonFields.StringAt(identity, "accessKeyId"u8)),
            JsonFields.StringAt(identity, "userName"u8),
            context,
            JsonFields.StringAt(identity, "invokedBy"u8));
    }

    private static List<RecordResource> ParseResources(JsonElement record)
    {
        if (!record.TryGetProperty("resources"u8, out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<RecordResource>(resources.GetArrayLength());
        foreach (var item in resources.EnumerateArray())
        {
            list.Add(new RecordResource(
                JsonFields.StringAt(item, "ARN"u8) ?? JsonFields.StringAt(item, "arn"u8),
                JsonFields.StringAt(item, "type"u8),
                JsonFields.StringAt(item, "accountId"u8)));
        }

        return list;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
