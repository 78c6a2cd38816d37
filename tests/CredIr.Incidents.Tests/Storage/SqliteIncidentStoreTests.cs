using CredIr.Incidents.Storage;
using CredIr.Incidents.Storage.Sqlite;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Storage;

public sealed class SqliteIncidentStoreTests : IncidentStoreContract, IDisposable
{
    protected override int[] Migrations => [1, 2, 3, 5, 6, 7, 8];

    private readonly TempDirectory _directory = new();

    internal override Task<IIncidentStore> CreateStoreAsync() =>
        Task.FromResult<IIncidentStore>(new SqliteIncidentStore(Path.Combine(_directory.Path, "credir.db"), TimeProvider.System));

    public void Dispose() => _directory.Dispose();
}
