using System.Data.Common;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    private const int SequenceRetries = 5;

    public async Task<bool> TryAppendJournalAsync(JournalRecord record, CancellationToken cancellationToken)
    {
        // The sequence is max + 1; two writers computing the same one collide on the primary key
        // and the loser tries again. A second intent (or result) for a step collides on the
        // (incident, step, kind) key, which is the conflict target and so reports "not added".
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(
                connection,
                "INSERT INTO journal (incident_id, sequence, step_id, plan_id, kind, status, at, payload) " +
                "SELECT @incident, COALESCE(MAX(sequence), 0) + 1, @step, @plan, @kind, @status, @at, @payload FROM journal WHERE incident_id = @incident " +
                "ON CONFLICT (incident_id, step_id, kind) DO NOTHING");
            Param(command, "@incident", record.IncidentId);
            Param(command, "@step", record.StepId);
            Param(command, "@plan", record.PlanId);
            Param(command, "@kind", KindName(record.Kind));
            Param(command, "@status", (int)record.Status);
            Param(command, "@at", record.At.ToUnixTimeMilliseconds());
            Param(command, "@payload", record.PayloadJson);
            try
            {
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            }
            catch (DbException exception) when (IsUniqueViolation(exception) && attempt < SequenceRetries)
            {
                // Lost the race for the sequence number; the next attempt reads the new maximum.
            }
        }
    }

    public async Task<IReadOnlyList<JournalRecord>> ReadJournalAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, "SELECT sequence, step_id, plan_id, kind, status, at, payload FROM journal WHERE incident_id = @incident ORDER BY sequence");
        Param(command, "@incident", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<JournalRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new JournalRecord(
                incidentId,
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3) == "intent" ? JournalKind.Intent : JournalKind.Result,
                (StepStatus)reader.GetInt32(4),
                FromMilliseconds(reader.GetInt64(5)),
                reader.GetString(6))
            {
                Sequence = reader.GetInt64(0),
            });
        }

        return records;
    }

    private static string KindName(JournalKind kind) => kind == JournalKind.Intent ? "intent" : "result";
}
