using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace CredIr.Incidents.Storage.Postgres;

/// <summary>
/// The multi-process store: several coordinators share one database and stay correct through the
/// incidents' ETags; migrations take an advisory lock so concurrent start-ups apply each script once.
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

    // Delivered to listeners when the write commits, never for a rolled-back one.
    protected override string? ChangedSql => $"SELECT pg_notify('{ChangeChannel}', @id)";

    private const string ChangeChannel = "credir_incident_changed";

    /// <summary>LISTENs on a connection of its own; ends with an exception when that connection fails (the caller listens again).</summary>
    public override async IAsyncEnumerable<string> ListenForChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, notification) => ids.Writer.TryWrite(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = WaitAsync(connection, ids.Writer, stop.Token);
        try
        {
            await foreach (var id in ids.Reader.ReadAllAsync(cancellationToken))
            {
                yield return id;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await waiting;
        }
    }

    private static async Task WaitAsync(NpgsqlConnection connection, ChannelWriter<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await connection.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ids.TryComplete();
        }
        catch (NpgsqlException exception)
        {
            ids.TryComplete(exception);
        }
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
