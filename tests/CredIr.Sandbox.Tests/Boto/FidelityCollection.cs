namespace CredIr.Sandbox.Tests.Boto;

/// <summary>The fidelity tests share one sandbox and one python run.</summary>
[CollectionDefinition(Name)]
public sealed class FidelityCollection : ICollectionFixture<FidelityFixture>
{
    public const string Name = "fidelity";
}
