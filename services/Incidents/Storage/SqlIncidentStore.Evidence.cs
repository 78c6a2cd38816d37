using System.Data.Common;
using System.Runtime.CompilerServices;

namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    private const string EvidenceColumns = "sequence, at, kind, summary, payload_json, previous_hash, hash";

    public async Task<bool> TryAppendEvidenceAsync(EvidenceRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            await InsertEvidenceAsync(connection, null, record, cancellationToken);
            return true;
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            return false;
        }
    }

    public async Task<EvidenceRecord?> ReadLastEvidenceAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadLastEvidenceAsync(connection, null, incidentId, cancellationToken);
    }

    private static async Task<EvidenceRecord?> ReadLastEvidenceAsync(DbConnection connection, DbTransaction? transaction, string incidentId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {EvidenceColumns} FROM evidence WHERE incident_id = @incident ORDER BY sequence DESC LIMIT 1", transaction);
        Param(command, "@incident", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEvidence(incidentId, reader) : null;
    }

    private static async Task InsertEvidenceAsync(DbConnection connection, DbTransaction? transaction, EvidenceRecord record, CancellationToken cancellationToken)
    {
        await using var command = Command(
            connection,
            "INSERT INTO evidence (incident_id, sequence, at, kind, summary, payload_json, previous_hash, hash) VALUES (@incident, @sequence, @at, @kind, @summary, @payload, @previous, @hash)",
            transaction);
        Param(command, "@incident", record.IncidentId);
        Param(command, "@sequence", record.Sequence);
        Param(command, "@at", record.At.ToUnixTimeMilliseconds());
        Param(command, "@kind", record.Kind);
        Param(command, "@summary", record.Summary);
        Param(command, "@payload", record.PayloadJson);
        Param(command, "@previous", record.PreviousHash);
        Param(command, "@hash", record.Hash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<EvidenceRecord> ReadEvidenceAsync(string incidentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {EvidenceColumns} FROM evidence WHERE incident_id = @incident ORDER BY sequence");
        Param(command, "@incident", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadEvidence(incidentId, reader);
        }
    }

    private static EvidenceRecord ReadEvidence(string incidentId, DbDataReader reader) => new(
        incidentId,
        reader.GetInt64(0),
        FromMilliseconds(reader.GetInt64(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6));
}
