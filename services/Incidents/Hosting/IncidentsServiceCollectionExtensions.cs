using CredIr.Contracts.Services;
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
    /// Registers <see cref="IIncidentsService"/>, <see cref="IIncidentGrainFactory"/>, the store chosen
    /// by Incidents:Store (migrated at start-up) and the options (validated at start-up). The phase
    /// services are taken from the container when registered (in-process or gRPC clients); a phase
    /// without one stops incidents there with a clear "waiting for".
    /// </summary>
    public static IHostApplicationBuilder AddIncidentServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIncidents(builder.Configuration.GetSection(IncidentsOptions.SectionName));
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
        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            return new GrainRuntimeOptions(options.IdleActivationTimeout, Sweep(options.IdleActivationTimeout), options.ConflictRetries)
            {
                RunClaimDuration = options.RunClaimDuration,
                WatchPollInterval = options.WatchPollInterval,
            };
        });
        services.TryAddSingleton<CoordinatorIdentity>();
        services.TryAddSingleton<RunClaims>();
        services.TryAddSingleton<IncidentGrainDirectory>();
        services.TryAddSingleton<IIncidentGrainFactory>(sp => sp.GetRequiredService<IncidentGrainDirectory>());
        services.TryAddSingleton(sp => new IncidentsService(
            sp.GetRequiredService<IIncidentGrainFactory>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<EvidenceLog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IIncidentsService>(sp => sp.GetRequiredService<IncidentsService>());
        return services;
    }

    private static IncidentsOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<IncidentsOptions>>().Value;

    // Checking four times per timeout keeps an idle activation at most 25% past its timeout.
    private static TimeSpan Sweep(TimeSpan idle) => idle / 4 > TimeSpan.FromSeconds(1) ? idle / 4 : TimeSpan.FromSeconds(1);
}
