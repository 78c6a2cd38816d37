namespace CredIr.Cli.Tests;

/// <summary>One served host for every class that talks to a server: starting one costs seconds on a loaded machine.</summary>
[CollectionDefinition(Name)]
public sealed class ServedHostCollection : ICollectionFixture<ServedHost>
{
    public const string Name = "served host";
}
