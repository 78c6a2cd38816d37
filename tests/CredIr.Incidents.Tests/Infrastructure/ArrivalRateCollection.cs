namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>
/// Tests that count the calls the sandbox throttled at AWS's rate: they run alone, after the parallel ones. The
/// account-region grains space the requests as they are sent; the sandbox, like AWS, counts them as they arrive. On
/// 2 cores starved by other test classes of this assembly, the in-process HTTP hop between the two delayed some
/// requests by hundreds of milliseconds and bunched them (2 throttled in one full run), which says nothing about the
/// budget.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArrivalRateCollection
{
    public const string Name = "arrival rate";
}
