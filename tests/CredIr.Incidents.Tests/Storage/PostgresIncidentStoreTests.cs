using CredIr.Incidents.Storage;
using CredIr.Incidents.Storage.Postgres;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentStoreTests(PostgresFixture postgres) : IncidentStoreContract
{
    // PostgreSQL also carries Orleans' own scripts (membership, reminders, storage): a cluster's nodes meet there.
    protected override int[] Migrations => [1, 2, 3, 5, 7, 8, 1001, 1002, 1003, 1004];

    private string? _database;

    internal override async Task<IIncidentStore> CreateStoreAsync()
    {
        _database ??= await postgres.CreateDatabaseAsync();
        return new PostgresIncidentStore(_database, TimeProvider.System);
    }
}
