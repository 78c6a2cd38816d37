using System.Data.Common;
using CredIr.Contracts.V1;
using Google.Protobuf;

namespace CredIr.Incidents.Storage;

/// <summary>
/// The store on plain ADO.NET. SQLite and PostgreSQL share the SQL (both speak
/// <c>INSERT ... ON CONFLICT</c> and <c>@name</c> parameters); a subclass supplies connections,
/// write transactions, the migration scripts' dialect and how a unique violation looks.
/// </summary>
internal abstract partial class SqlIncidentStore(TimeProvider time) : IIncidentStore
{
    protected TimeProvider Time { get; } = time;

    /// <summary>The folder of Storage/Migrations holding this dialect's scripts.</summary>
    protected abstract string Dialect { get; }

    /// <summary>SQL run first in the migration transaction to keep other processes out, or null.</summary>
    protected abstract string? MigrationLockSql { get; }

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    protected abstract bool IsUniqueViolation(DbException exception);

    public abstract ValueTask DisposeAsync();

    public async Task<StoredIncident?> ReadAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT state, etag FROM incidents WHERE id = @id");
        Param(command, "@id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredIncident(Incident.Parser.ParseFrom((byte[])reader.GetValue(0)), reader.GetString(1));
    }

    public async Task<string> WriteAsync(Incident state, string? expectedETag, string? requestId, EvidenceDraft? evidence, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        try
        {
            var sql = expectedETag is null
                ? "INSERT INTO incidents (id, etag, version, phase, updated_at, state) VALUES (@id, @etag, @version, @phase, @updated, @state) ON CONFLICT (id) DO NOTHING"
                : "UPDATE incidents SET etag = @etag, version = @version, phase = @phase, updated_at = @updated, state = @state WHERE id = @id AND etag = @expected";
            await using (var command = Command(connection, sql, transaction))
            {
                Param(command, "@id", state.IncidentId);
                Param(command, "@etag", etag);
                Param(command, "@version", state.Version);
                Param(command, "@phase", (int)state.Phase);
                Param(command, "@updated", state.UpdatedAt?.ToDateTimeOffset().ToUnixTimeMilliseconds() ?? 0L);
                Param(command, "@state", state.ToByteArray());
                Param(command, "@expected", expectedETag ?? string.Empty);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    throw new StateConflictException(state.IncidentId);
                }
            }

            if (requestId is { Length: > 0 })
            {
                var (id, digest) = RequestKey.Parse(requestId);
                await using var command = Command(connection, "INSERT INTO requests (request_id, incident_id, applied_at, digest) VALUES (@request, @id, @at, @digest)", transaction);
                Param(command, "@request", id);
                Param(command, "@digest", digest);
                Param(command, "@id", state.IncidentId);
                Param(command, "@at", Time.GetUtcNow().ToUnixTimeMilliseconds());
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (evidence is not null)
            {
                var head = await ReadLastEvidenceAsync(connection, transaction, state.IncidentId, cancellationToken);
                await InsertEvidenceAsync(connection, transaction, evidence.Seal(state.IncidentId, head), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return etag;
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            // Another writer applied the request id, or appended evidence, between our read and this write.
            throw new StateConflictException(state.IncidentId);
        }
    }

    public async Task<string?> FindRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT incident_id, digest FROM requests WHERE request_id = @request");
        Param(command, "@request", RequestKey.IdOf(requestId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var incidentId = reader.GetString(0);
        RequestKey.EnsureSameRequest(requestId, await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1), incidentId);
        return incidentId;
    }

    protected static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static void Param(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    protected static DateTimeOffset FromMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
