using CredIr.Aws;
using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CredIr.Fanout;

/// <summary>Puts the fan-out's grains in a silo (call it on the silo's services: this assembly needs no Orleans server).</summary>
public static class FanoutServiceCollectionExtensions
{
    /// <summary>
    /// The account-region LookupEvents budgets (<see cref="ILookupBudgetGrain"/>) and, for this process's AWS runtime,
    /// <see cref="ClusterLookupBudget"/>: every LookupEvents request of the process then books the cluster's budget.
    /// </summary>
    public static IServiceCollection AddLookupBudgets(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Named explicitly, so a host whose entry assembly does not reference this one still finds the grain.
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(LookupBudgetGrain).Assembly));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILookupEventsBudget>(static sp => new ClusterLookupBudget(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
