using Microsoft.Data.Sqlite;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>A folder for one test's SQLite files, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("credir-incidents-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
