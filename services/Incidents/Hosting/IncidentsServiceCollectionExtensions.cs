using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using CredIr.Hosting.InProcess;
using CredIr.Incidents.Cluster;
using CredIr.Incidents.Health;
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
    /// Registers credir.v1.Incidents (IncidentsService, its REST by JSON transcoding, mapped as Incidents.IncidentsBase; an in-process Incidents.IncidentsClient; its health: the store), this process's Orleans silo (the incident grains), the store chosen
    /// by Incidents:Store (migrated at start-up) and the options (validated at start-up). The phase
    /// services are taken from the container when registered (in-process or gRPC clients); a phase
    /// without one stops incidents there with a clear "waiting for".
    /// </summary>
    public static IHostApplicationBuilder AddIncidentServices(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IncidentsOptions.SectionName);
        builder.Services.AddIncidents(section);

        // REST from the google.api.http rules of incidents.proto, served where the service runs (the
        // gateway proxies it like gRPC). The JSON is protobuf's own mapping, as JsonFormatter writes it:
        // default values left out, 64-bit integers as strings.
        builder.Services.AddCredIrGrpcServer().AddJsonTranscoding(static o =>
        {
            o.JsonSettings.IgnoreDefaultValues = true;
            o.JsonSettings.WriteInt64sAsStrings = true;
        });

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

        // The phase services in this process keep their approval key and used tokens in the incident store:
        // a plan sealed before a restart, or by another node of the cluster, still verifies, and a replay is refused everywhere.
        services.AddSingleton<IApprovalStore>(static sp => sp.GetRequiredService<IIncidentStore>());
        services.AddCredIrApprovals();
        services.TryAddSingleton(sp => new Approvals(Options(sp).TwoPersonRule, Options(sp).AutoApprove));
        services.TryAddSingleton<IncidentWorkflow>();
        services.TryAddSingleton<JournaledExecutor>();
        services.TryAddSingleton<EvidenceLog>();
        services.TryAddSingleton(sp => new PhaseServices(
            sp.GetService<Contracts.V1.Identification.IdentificationClient>(),
            sp.GetService<Contracts.V1.Containment.ContainmentClient>(),
            sp.GetService<Contracts.V1.Eradication.EradicationClient>(),
            sp.GetService<Contracts.V1.Recovery.RecoveryClient>()));
        services.TryAddSingleton<IPlaybookDriver, PlaybookDriver>();
        services.TryAddSingleton<AthenaTargetCheck>();
        services.TryAddSingleton(sp => new IncidentsService(
            sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<IIncidentStore>(),
            sp.GetRequiredService<EvidenceLog>(),
            sp.GetRequiredService<TimeProvider>(),
            Options(sp).AdvanceCallWait,
            sp.GetRequiredService<AthenaTargetCheck>()));
        services.TryAddSingleton<Contracts.V1.Incidents.IncidentsBase>(sp => sp.GetRequiredService<IncidentsService>());
        services.AddSingleton(IncidentsService.ErrorMap);
        services.AddServiceHealth(Contracts.V1.Incidents.Descriptor.FullName);
        services.AddHealthChecks().AddCheck<IncidentStoreHealthCheck>("incident-store", tags: [Contracts.V1.Incidents.Descriptor.FullName]);
        services.AddInProcessClient<Contracts.V1.Incidents.IncidentsBase, Contracts.V1.Incidents.IncidentsClient>(
            Contracts.V1.Incidents.BindService, static i => new Contracts.V1.Incidents.IncidentsClient(i), checkRequests: true);
        return services;
    }

    private static IncidentsOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<IncidentsOptions>>().Value;
}
