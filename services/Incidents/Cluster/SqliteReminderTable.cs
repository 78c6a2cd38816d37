using System.Data.Common;
using CredIr.Incidents.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CredIr.Incidents.Cluster;

/// <summary>
/// Orleans' reminder table in the incident file (table <c>orleans_reminders</c>, migration 0006), for the embedded
/// silo: Orleans ships reminder tables for ADO.NET servers and memory, none for SQLite, and a reminder kept in
/// memory would die with the process it is meant to outlive. Each row carries an ETag, changed on every upsert, so
/// a stale unregister is refused as Orleans expects.
/// </summary>
internal sealed class SqliteReminderTable(string path) : IReminderTable
{
    private readonly string _connectionString = SqliteIncidentStore.ConnectionString(path);

    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    // The table is created by the store's migrations, which run before the silo starts.
    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM orleans_reminders WHERE grain_id = @grain", command => Param(command, "@grain", grainId.ToString()), cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <summary>The reminders of the grains whose hash is in the ring range (begin, end], which wraps when begin >= end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        var condition = begin < end ? "grain_hash > @begin AND grain_hash <= @end" : "grain_hash > @begin OR grain_hash <= @end";
        return QueryAsync($"SELECT {Columns} FROM orleans_reminders WHERE {condition}", command =>
        {
            Param(command, "@begin", (long)begin);
            Param(command, "@end", (long)end);
        }, cancellationToken);
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM orleans_reminders WHERE grain_id = @grain AND reminder_name = @name", command =>
        {
            Param(command, "@grain", grainId.ToString());
            Param(command, "@name", reminderName);
        }, cancellationToken);
        return rows.Reminders.FirstOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await SqliteIncidentStore.OpenAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO orleans_reminders (grain_id, reminder_name, grain_hash, start_at, period, etag) VALUES (@grain, @name, @hash, @start, @period, @etag) " +
            "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET start_at = excluded.start_at, period = excluded.period, etag = excluded.etag";
        Param(command, "@grain", entry.GrainId.ToString());
        Param(command, "@name", entry.ReminderName);
        Param(command, "@hash", (long)entry.GrainId.GetUniformHashCode());
        Param(command, "@start", entry.StartAt.ToUniversalTime().Ticks);
        Param(command, "@period", entry.Period.Ticks);
        Param(command, "@etag", etag);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteIncidentStore.OpenAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders WHERE grain_id = @grain AND reminder_name = @name AND etag = @etag";
        Param(command, "@grain", grainId.ToString());
        Param(command, "@name", reminderName);
        Param(command, "@etag", eTag);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await SqliteIncidentStore.OpenAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM orleans_reminders";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteIncidentStore.OpenAsync(_connectionString, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Entry(reader));
        }

        return new ReminderTableData(entries);
    }

    private static ReminderEntry Entry(DbDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
        ETag = reader.GetString(4),
    };

    private static void Param(SqliteCommand command, string name, object value) => command.Parameters.AddWithValue(name, value);
}
