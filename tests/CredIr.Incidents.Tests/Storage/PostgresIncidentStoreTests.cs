using CredIr.Incidents.Storage;
using CredIr.Incidents.Storage.Postgres;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentStoreTests(PostgresFixture postgres) : IncidentStoreContract
{
    private string? _database;

    internal override async Task<IIncidentStore> CreateStoreAsync()
    {
        _database ??= await postgres.CreateDatabaseAsync();
        return new PostgresIncidentStore(_database, TimeProvider.System);
    }
}
