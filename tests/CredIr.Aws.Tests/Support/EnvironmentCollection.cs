namespace CredIr.Aws.Tests.Support;

/// <summary>Tests that change process environment variables run alone, never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
