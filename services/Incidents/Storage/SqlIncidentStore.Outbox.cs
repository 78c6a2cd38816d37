using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    public async Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            "INSERT INTO outbox (id, incident_id, target, payload, attempts, next_attempt_at, status, last_error) VALUES (@id, @incident, @target, @payload, @attempts, @next, @status, @error) ON CONFLICT (id) DO NOTHING");
        AddOutboxParams(command, message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ReadDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            "SELECT id, incident_id, target, payload, attempts, next_attempt_at, status, last_error FROM outbox WHERE status = @pending AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @max");
        Param(command, "@pending", (int)NotificationStatus.Pending);
        Param(command, "@now", now.ToUnixTimeMilliseconds());
        Param(command, "@max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new OutboxMessage(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt32(4),
                FromMilliseconds(reader.GetInt64(5)),
                (NotificationStatus)reader.GetInt32(6),
                reader.GetString(7)));
        }

        return messages;
    }

    public async Task UpdateOutboxAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            "UPDATE outbox SET attempts = @attempts, next_attempt_at = @next, status = @status, last_error = @error WHERE id = @id");
        AddOutboxParams(command, message);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddOutboxParams(System.Data.Common.DbCommand command, OutboxMessage message)
    {
        Param(command, "@id", message.Id);
        Param(command, "@incident", message.IncidentId);
        Param(command, "@target", message.Target);
        Param(command, "@payload", message.Payload);
        Param(command, "@attempts", message.Attempts);
        Param(command, "@next", message.NextAttemptAt.ToUnixTimeMilliseconds());
        Param(command, "@status", (int)message.Status);
        Param(command, "@error", message.LastError);
    }
}
