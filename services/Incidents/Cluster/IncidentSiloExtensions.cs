using System.Net;
using System.Net.Sockets;
using CredIr.Fanout;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Storage;
using CredIr.Incidents.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CredIr.Incidents.Cluster;

/// <summary>Configures this process's Orleans silo from the coordinator's settings.</summary>
internal static class IncidentSiloExtensions
{
    public static ISiloBuilder ConfigureIncidentSilo(this ISiloBuilder silo, IncidentsOptions options)
    {
        var settings = options.Silo;
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = settings.ClusterId;
            cluster.ServiceId = "credir";
        });

        if (IncidentStoreFactory.IsSqlite(options.Store))
        {
            // One process, one silo: nothing else joins, so any free port will do.
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort(), serviceId: "credir", clusterId: settings.ClusterId);
            // Reminders in the incident file, so the post-containment watch and phase retries outlive the process.
            var reminders = IncidentStoreFactory.SqlitePath(options.Store);
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(reminders));
        }
        else
        {
            var connectionString = PostgresConnectionString.Normalize(options.Store);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            silo.Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = IPAddress.Parse(settings.AdvertisedAddress);
                endpoints.SiloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
                endpoints.GatewayPort = 0;
            });
            silo.Configure<ClusterMembershipOptions>(membership =>
            {
                membership.ProbeTimeout = settings.ProbeTimeout;
                membership.NumMissedProbesLimit = settings.MissedProbesLimit;
                membership.TableRefreshTimeout = settings.TableRefreshTimeout;
                membership.IAmAliveTablePublishTimeout = settings.IAmAliveTablePublishTimeout;
            });
        }

        return silo.AddIncidentGrains(options);
    }

    /// <summary>
    /// What the incident grains need in any silo, whatever its clustering: their storage, the contract's codec, their idle time;
    /// and the account-region LookupEvents budgets, so every scan of this process (the Eradication service hosted beside
    /// the coordinator) shares AWS's 2 requests/s with every other scan and node of the cluster.
    /// </summary>
    public static ISiloBuilder AddIncidentGrains(this ISiloBuilder silo, IncidentsOptions options)
    {
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = options.IdleActivationTimeout);
        silo.Services.AddKeyedSingleton<IGrainStorage>(IncidentGrainStorage.Name, static (services, _) => new IncidentGrainStorage(services.GetRequiredService<IIncidentStore>()));
        silo.Services.AddSerializer(serializer =>
        {
            serializer.Services.AddSingleton<ProtobufMessageCodec>();
            serializer.Services.AddSingleton<IGeneralizedCodec>(static s => s.GetRequiredService<ProtobufMessageCodec>());
            serializer.Services.AddSingleton<IGeneralizedCopier>(static s => s.GetRequiredService<ProtobufMessageCodec>());
            serializer.Services.AddSingleton<ITypeFilter>(static s => s.GetRequiredService<ProtobufMessageCodec>());
        });
        silo.Services.AddLookupBudgets();
        return silo;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
