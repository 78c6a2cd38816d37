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
            EventVersion = JsonFields.StringAt(record, "eventVersion"),
            UserIdentity = JsonFields.ObjectAt(record, "userIdentity") is { } identity ? ParseIdentity(identity) : UserIdentity.Empty,
            EventTime = JsonFields.TimeAt(record, "eventTime") ?? DateTimeOffset.MinValue,
            EventSource = JsonFields.StringAt(record, "eventSource") ?? "",
            EventName = JsonFields.StringAt(record, "eventName") ?? "",
            AwsRegion = JsonFields.StringAt(record, "awsRegion"),
            SourceIpAddress = JsonFields.StringAt(record, "sourceIPAddress"),
            UserAgent = JsonFields.StringAt(record, "userAgent"),
            RequestParameters = JsonFields.ObjectAt(record, "requestParameters"),
            ResponseElements = JsonFields.ObjectAt(record, "responseElements"),
            ErrorCode = JsonFields.StringAt(record, "errorCode"),
            ErrorMessage = JsonFields.StringAt(record, "errorMessage"),
            RequestId = JsonFields.StringAt(record, "requestID"),
            EventId = JsonFields.StringAt(record, "eventID") ?? "",
            ReadOnly = JsonFields.BoolAt(record, "readOnly"),
            Resources = ParseResources(record),
            EventType = JsonFields.StringAt(record, "eventType"),
            ManagementEvent = JsonFields.BoolAt(record, "managementEvent"),
            RecipientAccountId = JsonFields.StringAt(record, "recipientAccountId"),
            EventCategory = JsonFields.StringAt(record, "eventCategory"),
            SharedEventId = JsonFields.StringAt(record, "sharedEventID"),
            SessionCredentialFromConsole = JsonFields.BoolAt(record, "sessionCredentialFromConsole") ?? false,
            Raw = record,
        };
    }

    private static UserIdentity ParseIdentity(JsonElement identity)
    {
        SessionContext? context = null;
        if (JsonFields.ObjectAt(identity, "sessionContext") is { } session)
        {
            var issuer = JsonFields.ObjectAt(session, "sessionIssuer") is { } i
                ? new SessionIssuer(
                    JsonFields.StringAt(i, "type"),
                    JsonFields.StringAt(i, "arn"),
                    JsonFields.StringAt(i, "userName"),
                    JsonFields.StringAt(i, "accountId"),
                    JsonFields.StringAt(i, "principalId"))
                : null;
            var attributes = JsonFields.ObjectAt(session, "attributes");
            context = new SessionContext(
                issuer,
                attributes is { } a ? JsonFields.TimeAt(a, "creationDate") : null,
                attributes is { } b ? JsonFields.BoolAt(b, "mfaAuthenticated") : null);
        }

        return new UserIdentity(
            JsonFields.StringAt(identity, "type"),
            JsonFields.StringAt(identity, "principalId"),
            JsonFields.StringAt(identity, "arn"),
            JsonFields.StringAt(identity, "accountId"),
            NullIfEmpty(JsonFields.StringAt(identity, "accessKeyId")),
            JsonFields.StringAt(identity, "userName"),
            context,
            JsonFields.StringAt(identity, "invokedBy"));
    }

    private static List<RecordResource> ParseResources(JsonElement record)
    {
        if (!record.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<RecordResource>(resources.GetArrayLength());
        foreach (var item in resources.EnumerateArray())
        {
            list.Add(new RecordResource(
                JsonFields.StringAt(item, "ARN") ?? JsonFields.StringAt(item, "arn"),
                JsonFields.StringAt(item, "type"),
                JsonFields.StringAt(item, "accountId")));
        }

        return list;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
