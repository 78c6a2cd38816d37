namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>Test classes that need PostgreSQL share one server per run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
