namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    public async Task SaveCheckpointAsync(ScanCheckpointRecord checkpoint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(
            connection,
            "INSERT INTO scan_checkpoints (incident_id, key, account_id, region, segment, next_token, done, updated_at) VALUES (@incident, @key, @account, @region, @segment, @token, @done, @at) " +
            "ON CONFLICT (incident_id, key) DO UPDATE SET next_token = excluded.next_token, done = excluded.done, updated_at = excluded.updated_at");
        Param(command, "@incident", checkpoint.IncidentId);
        Param(command, "@key", checkpoint.Key);
        Param(command, "@account", checkpoint.AccountId);
        Param(command, "@region", checkpoint.Region);
        Param(command, "@segment", checkpoint.Segment);
        Param(command, "@token", checkpoint.NextToken);
        Param(command, "@done", checkpoint.Done);
        Param(command, "@at", checkpoint.UpdatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScanCheckpointRecord>> ReadCheckpointsAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT key, account_id, region, segment, next_token, done, updated_at FROM scan_checkpoints WHERE incident_id = @incident ORDER BY key");
        Param(command, "@incident", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var checkpoints = new List<ScanCheckpointRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            checkpoints.Add(new ScanCheckpointRecord(
                incidentId,
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetBoolean(5),
                FromMilliseconds(reader.GetInt64(6))));
        }

        return checkpoints;
    }
}
