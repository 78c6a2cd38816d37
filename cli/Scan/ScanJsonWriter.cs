using System.Text.Json;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Scan;

/// <summary>
/// Writes a scan as the one JSON document scripts and SOAR integrations read
/// (docs/scan-output.md). Events are written as they arrive so memory stays bounded; the
/// credentials, with their first and last use, and the source gaps follow once the scan ends.
/// The starting credentials (the ones the scan was asked about) come first, with no provenance:
/// the service streams only the credentials it found, and a script reads the leaked key's own use
/// from the same list.
/// </summary>
internal sealed class ScanJsonWriter(IEnumerable<Credential> starting)
{
    private readonly Dictionary<string, CredentialUsage> _usage = new(StringComparer.Ordinal);
    private readonly List<Credential> _credentials = [.. starting.Select(static c => new Credential { AccessKeyId = c.AccessKeyId, PrincipalArn = c.PrincipalArn, Kind = c.Kind, AccountId = c.AccountId })];
    private readonly List<SourceGap> _gaps = [];
    private ScanSummary? _summary;

    public async Task WriteAsync(IAsyncEnumerable<ScanUpdate> updates, Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("events");
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            switch (update.UpdateCase)
            {
                case ScanUpdate.UpdateOneofCase.Event:
                    WriteEvent(json, update.Event);
                    Track(update.Event);
                    if (json.BytesPending > 64 * 1024)
                    {
                        await json.FlushAsync(cancellationToken);
                    }

                    break;
                case ScanUpdate.UpdateOneofCase.Credential:
                    Add(update.Credential);
                    break;
                case ScanUpdate.UpdateOneofCase.Gap:
                    _gaps.Add(update.Gap);
                    break;
                case ScanUpdate.UpdateOneofCase.Summary:
                    _summary = update.Summary;
                    break;
                default:
                    break;
            }
        }

        json.WriteEndArray();
        WriteCredentials(json);
        WriteGaps(json);
        if (_summary is { AthenaQueries: > 0 } athena)
        {
            json.WriteStartObject("athena");
            json.WriteNumber("queries", athena.AthenaQueries);
            json.WriteNumber("bytesScanned", athena.AthenaBytesScanned);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static string KeyOf(string accessKeyId, string principalArn) => string.IsNullOrEmpty(accessKeyId) ? principalArn : accessKeyId;

    // A credential the service reports that was also a starting one replaces the bare starting entry in place.
    private void Add(Credential credential)
    {
        var key = KeyOf(credential.AccessKeyId, credential.PrincipalArn);
        var index = _credentials.FindIndex(c => KeyOf(c.AccessKeyId, c.PrincipalArn) == key);
        if (index >= 0)
        {
            _credentials[index] = credential;
        }
        else
        {
            _credentials.Add(credential);
        }
    }

    private void Track(TrailEvent trailEvent)
    {
        var key = KeyOf(trailEvent.AccessKeyId, trailEvent.PrincipalArn);
        if (!_usage.TryGetValue(key, out var usage))
        {
            usage = new CredentialUsage();
            _usage[key] = usage;
        }

        usage.Add(trailEvent.EventTime.ToDateTimeOffset(), trailEvent.PrincipalArn);
    }

    private static void WriteEvent(Utf8JsonWriter json, TrailEvent e)
    {
        json.WriteStartObject();
        json.WriteString("eventId", e.EventId);
        json.WriteString("eventTime", IsoTime.Format(e.EventTime.ToDateTimeOffset()));
        json.WriteString("eventName", e.EventName);
        json.WriteString("eventSource", e.EventSource);
        json.WriteString("accessKeyId", e.AccessKeyId);
        json.WriteString("accountId", e.AccountId);
        json.WriteString("region", e.Region);
        if (string.IsNullOrEmpty(e.ErrorCode))
        {
            json.WriteNull("errorCode");
        }
        else
        {
            json.WriteString("errorCode", e.ErrorCode);
        }

        json.WriteStartArray("categories");
        foreach (var category in e.Categories)
        {
            json.WriteStringValue(ScanNames.Category(category));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void WriteCredentials(Utf8JsonWriter json)
    {
        json.WriteStartArray("credentials");
        foreach (var credential in _credentials)
        {
            _usage.TryGetValue(KeyOf(credential.AccessKeyId, credential.PrincipalArn), out var usage);
            var principalArn = credential.PrincipalArn is { Length: > 0 } declared ? declared : usage?.PrincipalArn;
            json.WriteStartObject();
            WriteStringOrNull(json, "accessKeyId", credential.AccessKeyId);
            json.WriteString("kind", ScanNames.Kind(credential.Kind is CredentialKind.Unspecified ? KindOf(credential.AccessKeyId) : credential.Kind));
            WriteStringOrNull(json, "principalArn", principalArn);
            WriteStringOrNull(json, "accountId", credential.AccountId is { Length: > 0 } account ? account : AccountOf(principalArn));
            WriteStringOrNull(json, "derivedFromAccessKeyId", credential.Provenance?.DerivedFromAccessKeyId);
            WriteStringOrNull(json, "createdByEventId", credential.Provenance?.CreatedByEventId);
            WriteTimeOrNull(json, "firstUsed", usage?.FirstUsed);
            WriteTimeOrNull(json, "lastUsed", usage?.LastUsed);
            json.WriteNumber("events", usage?.Events ?? 0);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // A starting key's kind is read from its prefix (AWS's documented unique-id prefixes): what else it is
    // (a session of which kind) only its issuing event would say, and that event predates the scan.
    private static CredentialKind KindOf(string accessKeyId) =>
        accessKeyId.StartsWith("ASIA", StringComparison.Ordinal) ? CredentialKind.RoleSession : CredentialKind.AccessKey;

    // arn:PARTITION:SERVICE::ACCOUNT:RESOURCE: the fifth field is the account.
    private static string? AccountOf(string? arn) => arn?.Split(':') is { Length: > 5 } parts && parts[4].Length > 0 ? parts[4] : null;

    private void WriteGaps(Utf8JsonWriter json)
    {
        json.WriteStartArray("sourceGaps");
        foreach (var gap in _gaps)
        {
            json.WriteStartObject();
            WriteStringOrNull(json, "accountId", gap.AccountId);
            WriteStringOrNull(json, "region", gap.Region);
            json.WriteString("reason", gap.Reason);
            WriteStringOrNull(json, "errorCode", gap.ErrorCode);
            json.WriteStartArray("categoriesNotSeen");
            foreach (var category in gap.CategoriesNotSeen)
            {
                json.WriteStringValue(ScanNames.Category(category));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTimeOrNull(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, IsoTime.Format(time));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
