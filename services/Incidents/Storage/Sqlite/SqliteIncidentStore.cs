using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CredIr.Incidents.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode (readers never wait for the writer), with a
/// busy timeout so concurrent writers in this process or another queue instead of failing.
/// </summary>
internal sealed class SqliteIncidentStore : SqlIncidentStore
{
    private const int BusyTimeoutSeconds = 30;
    private readonly string _connectionString;

    public SqliteIncidentStore(string path, TimeProvider time)
        : base(time)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = ConnectionString(Path);
    }

    public string Path { get; }

    protected override string Dialect => "Sqlite";

    // BEGIN IMMEDIATE already takes the database's write lock for the whole migration.
    protected override string? MigrationLockSql => null;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(_connectionString, cancellationToken);

    /// <summary>How every user of the incident file connects to it (the store, the silo's reminder table).</summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = System.IO.Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = BusyTimeoutSeconds,
    }.ToString();

    public static async ValueTask<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its WAL) open; release ours (only ours: other
        // components of a combined host may use SQLite too) so the file can be moved or removed.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
