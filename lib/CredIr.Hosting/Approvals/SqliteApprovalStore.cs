using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// A phase service hosted alone: its generated keys and the ids of the tokens it used, in <c>approvals.db</c> under
/// <see cref="ApprovalOptions.DataFolder"/>, so that a token used before a restart is refused after it. The file is
/// made on first use: a host whose coordinator's store takes this role never creates it.
/// </summary>
public sealed class SqliteApprovalStore(IOptions<ApprovalOptions> options, TimeProvider time) : IApprovalStore, IDisposable
{
    public const string FileName = "approvals.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS approval_keys (name TEXT PRIMARY KEY, key_value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS used_approval_tokens (token_id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(Path.Combine(options.Value.DataFolder, FileName)),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async Task<byte[]> GetOrAddKeyAsync(string name, byte[] generated, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = Command(connection, "INSERT INTO approval_keys (name, key_value) VALUES ($name, $value) ON CONFLICT (name) DO NOTHING"))
        {
            insert.Parameters.AddWithValue("$name", name);
            insert.Parameters.AddWithValue("$value", Convert.ToBase64String(generated));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var select = Command(connection, "SELECT key_value FROM approval_keys WHERE name = $name");
        select.Parameters.AddWithValue("$name", name);
        return Convert.FromBase64String((string)(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    public async Task<bool> TryUseTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var prune = Command(connection, "DELETE FROM used_approval_tokens WHERE expires_at < $now"))
        {
            prune.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
            await prune.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = Command(connection, "INSERT INTO used_approval_tokens (token_id, expires_at) VALUES ($id, $expires) ON CONFLICT (token_id) DO NOTHING");
        insert.Parameters.AddWithValue("$id", tokenId);
        insert.Parameters.AddWithValue("$expires", expiresAt.ToUnixTimeMilliseconds());
        return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    // Pooled connections keep the file open; release ours so the folder can be moved or removed after a stop.
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // synchronous = FULL: a token recorded as used must still be after a power loss, or it could be replayed.
            await using var setup = Command(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + Schema);
            await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
