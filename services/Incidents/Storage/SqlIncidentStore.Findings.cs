using System.Runtime.CompilerServices;
using CredIr.Contracts.V1;
using Google.Protobuf;

namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    public async Task<int> AddFindingsAsync(string incidentId, IReadOnlyList<TrailEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var added = 0;
        foreach (var trailEvent in events)
        {
            // The raw record has a column of its own so the document blob stays small to parse.
            var slim = trailEvent.Clone();
            slim.RawJson = string.Empty;
            await using var command = Command(
                connection,
                "INSERT INTO findings (incident_id, event_id, event_time, event_name, categories, access_key_id, event, raw_json) VALUES (@incident, @event, @time, @name, @categories, @key, @blob, @raw) ON CONFLICT (incident_id, event_id) DO NOTHING",
                transaction);
            Param(command, "@incident", incidentId);
            Param(command, "@event", trailEvent.EventId);
            Param(command, "@time", trailEvent.EventTime?.ToDateTimeOffset().ToUnixTimeMilliseconds() ?? 0L);
            Param(command, "@name", trailEvent.EventName);
            Param(command, "@categories", string.Join(',', trailEvent.Categories));
            Param(command, "@key", trailEvent.AccessKeyId);
            Param(command, "@blob", slim.ToByteArray());
            Param(command, "@raw", trailEvent.RawJson);
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async IAsyncEnumerable<TrailEvent> ReadFindingsAsync(string incidentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT event, raw_json FROM findings WHERE incident_id = @incident ORDER BY event_time, event_id");
        Param(command, "@incident", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var trailEvent = TrailEvent.Parser.ParseFrom((byte[])reader.GetValue(0));
            trailEvent.RawJson = reader.GetString(1);
            yield return trailEvent;
        }
    }
}
