using System.Buffers;
using System.Text.Json;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Trails.Athena;

/// <summary>
/// Turns one result row of <see cref="AthenaSql.Select"/> back into the CloudTrail record JSON the log files hold
/// (the fields the closure reads), so classification and extraction see the same record whatever the source.
/// </summary>
internal sealed class AthenaRecord(IReadOnlyList<string> columns)
{
    private readonly Dictionary<string, int> _index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.OrdinalIgnoreCase);

    public CloudTrailRecord Parse(IReadOnlyList<string?> row)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            String(json, "eventVersion", row, "eventversion");
            json.WriteStartObject("userIdentity");
            String(json, "type", row, "ui_type");
            String(json, "principalId", row, "ui_principalid");
            String(json, "arn", row, "ui_arn");
            String(json, "accountId", row, "ui_accountid");
            String(json, "invokedBy", row, "ui_invokedby");
            String(json, "accessKeyId", row, "ui_accesskeyid");
            String(json, "userName", row, "ui_username");
            if (Value(row, "sc_creationdate") is not null || Value(row, "si_arn") is not null)
            {
                json.WriteStartObject("sessionContext");
                if (Value(row, "si_arn") is not null)
                {
                    json.WriteStartObject("sessionIssuer");
                    String(json, "type", row, "si_type");
                    String(json, "principalId", row, "si_principalid");
                    String(json, "arn", row, "si_arn");
                    String(json, "accountId", row, "si_accountid");
                    String(json, "userName", row, "si_username");
                    json.WriteEndObject();
                }

                json.WriteStartObject("attributes");
                String(json, "creationDate", row, "sc_creationdate");
                String(json, "mfaAuthenticated", row, "sc_mfaauthenticated");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            foreach (var (name, column) in Strings)
            {
                String(json, name, row, column);
            }

            foreach (var (name, column) in Objects)
            {
                if (Value(row, column) is { } text)
                {
                    json.WritePropertyName(name);
                    json.WriteRawValue(text, skipInputValidation: false);
                }
            }

            Bool(json, "readOnly", row, "readonly");
            Bool(json, "sessionCredentialFromConsole", row, "sessioncredentialfromconsole");
            json.WriteBoolean("managementEvent", !string.Equals(Value(row, "eventcategory"), "Data", StringComparison.Ordinal));
            if (Value(row, "resources_json") is { } resources)
            {
                WriteResources(json, resources);
            }

            json.WriteEndObject();
        }

        return CloudTrailRecordParser.Parse(buffer.WrittenSpan);
    }

    private static readonly (string Name, string Column)[] Strings =
    [
        ("eventTime", "eventtime"), ("eventSource", "eventsource"), ("eventName", "eventname"), ("awsRegion", "awsregion"),
        ("sourceIPAddress", "sourceipaddress"), ("userAgent", "useragent"), ("errorCode", "errorcode"), ("errorMessage", "errormessage"),
        ("requestID", "requestid"), ("eventID", "eventid"), ("eventType", "eventtype"), ("recipientAccountId", "recipientaccountid"),
        ("sharedEventID", "sharedeventid"), ("eventCategory", "eventcategory"),
    ];

    private static readonly (string Name, string Column)[] Objects =
    [
        ("requestParameters", "requestparameters"), ("responseElements", "responseelements"), ("additionalEventData", "additionaleventdata"),
    ];

    /// <summary>Athena writes row fields in its lower-case column names; CloudTrail's are ARN, accountId, type.</summary>
    private static void WriteResources(Utf8JsonWriter json, string resources)
    {
        using var document = JsonDocument.Parse(resources);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        json.WriteStartArray("resources");
        foreach (var resource in document.RootElement.EnumerateArray())
        {
            json.WriteStartObject();
            foreach (var property in resource.EnumerateObject())
            {
                var name = property.Name.ToLowerInvariant() switch
                {
                    "arn" => "ARN",
                    "accountid" => "accountId",
                    var other => other,
                };
                json.WritePropertyName(name);
                property.Value.WriteTo(json);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private string? Value(IReadOnlyList<string?> row, string column) =>
        _index.TryGetValue(column, out var i) && i < row.Count && row[i] is { Length: > 0 } value ? value : null;

    private void String(Utf8JsonWriter json, string name, IReadOnlyList<string?> row, string column)
    {
        if (Value(row, column) is { } value)
        {
            json.WriteString(name, value);
        }
    }

    private void Bool(Utf8JsonWriter json, string name, IReadOnlyList<string?> row, string column)
    {
        if (Value(row, column) is { } value)
        {
            json.WriteBoolean(name, string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
        }
    }
}
