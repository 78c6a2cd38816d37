using CredIr.Incidents.Storage;
using CredIr.Incidents.Storage.Postgres;
using CredIr.Incidents.Storage.Sqlite;

namespace CredIr.Incidents.Hosting;

/// <summary>Chooses the store from the <c>Store</c> setting (or the CLI's <c>--store</c>).</summary>
internal static class IncidentStoreFactory
{
    private const string SqlitePrefix = "sqlite:";

    public static IIncidentStore Create(string store, TimeProvider time)
    {
        if (Check(store) is { } problem)
        {
            throw new ArgumentException(problem, nameof(store));
        }

        return IsSqlite(store)
            ? new SqliteIncidentStore(SqlitePath(store), time)
            : new PostgresIncidentStore(store, time);
    }

    /// <summary>The file of a <c>sqlite:</c> store.</summary>
    public static string SqlitePath(string store) => store[SqlitePrefix.Length..];

    public static bool IsSqlite(string store) => store.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the setting cannot work, or null when it can. Never echoes the value: it may hold a password.</summary>
    public static string? Check(string? store)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            return "set it to sqlite:<path> or a PostgreSQL connection string.";
        }

        if (IsSqlite(store))
        {
            return store.Length > SqlitePrefix.Length ? null : "sqlite: needs a file path, e.g. sqlite:credir.db.";
        }

        try
        {
            PostgresConnectionString.Normalize(store);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return "not sqlite:<path>, and not a PostgreSQL connection string (postgres://user:password@host:port/database or Host=...;Database=...).";
        }
    }
}
