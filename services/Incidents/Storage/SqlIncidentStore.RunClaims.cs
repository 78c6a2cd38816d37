namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    public async Task<RunClaim> ClaimRunAsync(string incidentId, string holder, DateTimeOffset now, DateTimeOffset until, string? takeOverFrom, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using (var upsert = Command(
            connection,
            "INSERT INTO run_claims (incident_id, holder, expires_at) VALUES (@incident, @holder, @until) " +
            "ON CONFLICT (incident_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
            "WHERE run_claims.holder = excluded.holder OR run_claims.expires_at <= @now OR run_claims.holder = @takeover",
            transaction))
        {
            Param(upsert, "@incident", incidentId);
            Param(upsert, "@holder", holder);
            Param(upsert, "@until", until.ToUnixTimeMilliseconds());
            Param(upsert, "@now", now.ToUnixTimeMilliseconds());

            // Never empty-matches: a holder id is never empty.
            Param(upsert, "@takeover", takeOverFrom ?? string.Empty);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var read = Command(connection, "SELECT holder, expires_at FROM run_claims WHERE incident_id = @incident", transaction);
        Param(read, "@incident", incidentId);
        RunClaim claim;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var current = reader.GetString(0);
            claim = new RunClaim(current == holder, current, FromMilliseconds(reader.GetInt64(1)));
        }

        await transaction.CommitAsync(cancellationToken);
        return claim;
    }

    public async Task ReleaseRunAsync(string incidentId, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM run_claims WHERE incident_id = @incident AND holder = @holder");
        Param(command, "@incident", incidentId);
        Param(command, "@holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long?> ReadVersionAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT version FROM incidents WHERE id = @id");
        Param(command, "@id", incidentId);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }
}
