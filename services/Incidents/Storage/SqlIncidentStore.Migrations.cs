using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    private const string ResourcePrefix = "CredIr.Incidents.Migrations.";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        if (MigrationLockSql is { } lockSql)
        {
            await using var lockCommand = Command(connection, lockSql, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = Command(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await ReadVersionsAsync(connection, transaction, cancellationToken);
        foreach (var (version, name, sql) in Scripts())
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using (var script = Command(connection, sql, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Command(connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)", transaction);
            Param(record, "@version", version);
            Param(record, "@name", name);
            Param(record, "@at", Time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<int>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var versions = await ReadVersionsAsync(connection, null, cancellationToken);
        return [.. versions.Order()];
    }

    private static async Task<List<int>> ReadVersionsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT version FROM schema_migrations", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    /// <summary>This dialect's scripts, named <c>NNNN_name.sql</c>, in version order.</summary>
    private IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SqlIncidentStore).Assembly;
        var prefix = ResourcePrefix + Dialect + ".";
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var resource in names)
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            yield return (version, name, ReadResource(assembly, resource));
        }
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
