using CredIr.Contracts.Services;
using CredIr.Incidents.Cluster;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Phases;
using CredIr.Incidents.Service;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Incidents.Hosting;

/// <summary>Wires the incident coordinator into a host (its own, or <c>credir serve</c>).</summary>
public static class IncidentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IIncidentsService"/>, this process's Orleans silo (the incident grains), the store chosen
    /// by Incidents:Store (migrated at start-up) and the options (validated at start-up). The phase
    /// services are taken from the container when registered (in-process or gRPC clients); a phase
    /// without one stops incidents there with a clear "waiting for".
    /// </summary>
    public static IHostApplicationBuilder AddIncidentServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IncidentsOptions.SectionName);
        builder.Services.AddIncidents(section);

        // The silo is configured from the same settings the options validator checks at start; a
        // store it cannot parse falls to the validator's message rather than failing here.
        var options = section.Get<IncidentsOptions>() ?? new IncidentsOptions();
        if (IncidentStoreFactory.Check(options.Store) is null)
        {
            builder.UseOrleans(silo => silo.ConfigureIncidentSilo(options));
        }

        return builder;
    }

    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<IncidentsOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IncidentsOptions>, IncidentsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIncidentStore>(sp => IncidentStoreFactory.Create(Options(sp).Store, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<IncidentStoreInitializer>();
        services.TryAddSingleton(sp => new Approvals(Options(sp).TwoPersonRule, Options(sp).AutoApprove));
        services.TryAddSingleton<IncidentWorkflow>();
        services.TryAddSingleton<JournaledExecutor>();
        services.TryAddSingleton<EvidenceLog>();
        services.TryAddSingleton(sp => new PhaseServices(
            sp.GetService<IIdentificationService>(),
            sp.GetService<IContainmentService>(),
            sp.GetService<IEradicationService>(),
            sp.GetService<IRecoveryService>()));
        services.TryAddSingleton<IPlaybookDriver, PlaybookDriver>();
        services.TryAddSingleton(sp => new IncidentsService(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<EvidenceLog>(),
            sp.GetRequiredService<TimeProvider>(),
            Options(sp).AdvanceCallWait));
        services.TryAddSingleton<IIncidentsService>(sp => sp.GetRequiredService<IncidentsService>());
        return services;
    }

    private static IncidentsOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<IncidentsOptions>>().Value;
}
