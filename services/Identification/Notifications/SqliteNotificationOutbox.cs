using CredIr.Contracts.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Notifications;

/// <summary>The outbox in a SQLite file, for the service running alone.</summary>
public sealed class SqliteNotificationOutbox : INotificationOutbox
{
    private const string Columns = "id, target, subject, payload, status, attempts, last_error, next_attempt_at, created_at, delivered_at";

    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    public SqliteNotificationOutbox(IOptions<NotificationOptions> options)
        : this(options.Value.OutboxPath)
    {
    }

    public SqliteNotificationOutbox(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30 }.ToString();
        _schema = new Lazy<Task>(() => CreateSchemaAsync(CancellationToken.None));
    }

    public async Task<IReadOnlyList<OutboxItem>> EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            await using var insert = Command(connection,
                $"INSERT OR IGNORE INTO notifications ({Columns}, leased_until) VALUES ($id, $target, $subject, $payload, $status, 0, NULL, $next, $created, NULL, 0)",
                ("$id", item.NotificationId), ("$target", item.Target), ("$subject", item.Subject), ("$payload", item.PayloadJson),
                ("$status", (int)NotificationStatus.Pending), ("$next", item.NextAttemptAt.ToUnixTimeMilliseconds()), ("$created", item.CreatedAt.ToUnixTimeMilliseconds()));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var stored = new List<OutboxItem>(items.Count);
        foreach (var item in items)
        {
            stored.Add(await ReadAsync(connection, item.NotificationId, cancellationToken) ?? item);
        }

        return stored;
    }

    public async Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // One statement claims and returns, so two dispatchers never both take an item.
        await using var claim = Command(connection,
            $"""
            UPDATE notifications SET leased_until = $lease
            WHERE id IN (SELECT id FROM notifications WHERE status = $pending AND next_attempt_at <= $now AND leased_until <= $now
                         ORDER BY next_attempt_at LIMIT $max)
            RETURNING {Columns}
            """,
            ("$lease", leaseUntil.ToUnixTimeMilliseconds()), ("$pending", (int)NotificationStatus.Pending), ("$now", now.ToUnixTimeMilliseconds()), ("$max", max));
        return await ReadAllAsync(claim, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var query = Command(connection, "SELECT MIN(MAX(next_attempt_at, leased_until)) FROM notifications WHERE status = $pending", ("$pending", (int)NotificationStatus.Pending));
        return await query.ExecuteScalarAsync(cancellationToken) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task MarkDeliveredAsync(string notificationId, int attempts, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE notifications SET status = $status, attempts = $attempts, delivered_at = $at, leased_until = 0 WHERE id = $id",
            ("$status", (int)NotificationStatus.Delivered), ("$attempts", attempts), ("$at", deliveredAt.ToUnixTimeMilliseconds()), ("$id", notificationId));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(string notificationId, int attempts, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var update = Command(connection,
            "UPDATE notifications SET status = $status, attempts = $attempts, last_error = $error, next_attempt_at = COALESCE($next, next_attempt_at), leased_until = 0 WHERE id = $id",
            ("$status", (int)(nextAttemptAt is null ? NotificationStatus.GaveUp : NotificationStatus.Pending)), ("$attempts", attempts), ("$error", error),
            ("$next", nextAttemptAt?.ToUnixTimeMilliseconds()), ("$id", notificationId));
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<OutboxItem?> GetAsync(string notificationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadAsync(connection, notificationId, cancellationToken);
    }

    private static async Task<OutboxItem?> ReadAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var query = Command(connection, $"SELECT {Columns} FROM notifications WHERE id = $id", ("$id", id));
        return (await ReadAllAsync(query, cancellationToken)).FirstOrDefault();
    }

    private static async Task<List<OutboxItem>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OutboxItem
            {
                NotificationId = reader.GetString(0),
                Target = reader.GetString(1),
                Subject = reader.GetString(2),
                PayloadJson = reader.GetString(3),
                Status = (NotificationStatus)reader.GetInt32(4),
                Attempts = reader.GetInt32(5),
                LastError = reader.IsDBNull(6) ? null : reader.GetString(6),
                NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                DeliveredAt = reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
            });
        }

        return items;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var create = Command(connection,
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS notifications (
                id TEXT PRIMARY KEY, target TEXT NOT NULL, subject TEXT NOT NULL, payload TEXT NOT NULL,
                status INTEGER NOT NULL, attempts INTEGER NOT NULL, last_error TEXT,
                next_attempt_at INTEGER NOT NULL, created_at INTEGER NOT NULL, delivered_at INTEGER, leased_until INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS notifications_due ON notifications (status, next_attempt_at);
            """);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
