using System.Data.Common;
using Npgsql;

namespace CredIr.Incidents.Storage.Postgres;

/// <summary>
/// The cluster's store: every node of one Orleans cluster keeps incidents, journal and evidence here
/// (and Orleans its membership and reminders, in its own tables); migrations take an advisory lock so
/// nodes starting together apply each script once.
/// </summary>
internal sealed class PostgresIncidentStore(string connectionString, TimeProvider time) : SqlIncidentStore(time)
{
    // An arbitrary constant naming this schema's migration lock.
    private const long MigrationLockKey = 0x437265644972;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(PostgresConnectionString.Normalize(connectionString));

    protected override string Dialect => "Postgres";

    protected override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
