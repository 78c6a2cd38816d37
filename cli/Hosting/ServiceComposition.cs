using CredIr.Containment;
using CredIr.Eradication;
using CredIr.Hosting;
using CredIr.Hosting.Identity;
using Grpc.Core;
using Grpc.Net.Client;
using CredIr.Identification;
using CredIr.Incidents.Hosting;
using CredIr.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Cli.Hosting;

/// <summary>
/// Several (or all) services in one Kestrel process: a hosted phase service is registered in DI so
/// the coordinator calls it in-process; a phase hosted elsewhere is called over HTTP/2 at
/// <c>Services:&lt;Phase&gt;:Address</c>. Used by <c>credir serve</c>, the demo and the tests.
/// </summary>
internal sealed class ServiceComposition
{
    public static readonly IReadOnlyList<string> AllServices = ["incidents", "identification", "containment", "eradication", "recovery"];

    private ServiceComposition(WebApplication app, IReadOnlyList<string> hosted, IReadOnlyList<string> remote, IReadOnlyList<string> missing)
    {
        App = app;
        Hosted = hosted;
        Remote = remote;
        Missing = missing;
    }

    public WebApplication App { get; }

    /// <summary>Services served by this process.</summary>
    public IReadOnlyList<string> Hosted { get; }

    /// <summary>Phases the coordinator calls over HTTP/2 at a configured address.</summary>
    public IReadOnlyList<string> Remote { get; }

    /// <summary>Phases the coordinator has no service for: incidents stop there.</summary>
    public IReadOnlyList<string> Missing { get; }

    public static ServiceComposition Build(IReadOnlyCollection<string> services, string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var unknown = services.Except(AllServices, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException($"--services: unknown service '{unknown[0]}' (known: {string.Join(", ", AllServices)})", 2);
        }

        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);

            // A --Key=Value the user typed beats a command's own defaults.
            builder.Configuration.AddCommandLine(args);
        }

        // Who calls is proven (the gateway's key, a service token) or unknown: a name a loopback client declares is believed
        // only in development mode (Grpc:TrustLoopbackCaller, `serve --dev`), never by default (docs/cli.md, "Identity").
        builder.AddCredIrGrpcHost();
        var hosted = new List<string>();
        var remote = new List<string>();
        var missing = new List<string>();
        var maps = new List<Action<WebApplication>>();
        Phase<Contracts.V1.Identification.IdentificationBase, Contracts.V1.Identification.IdentificationClient>("identification", "Identification", b => b.AddIdentificationServices(), static c => new(c));
        Phase<Contracts.V1.Containment.ContainmentBase, Contracts.V1.Containment.ContainmentClient>("containment", "Containment", b => b.AddContainmentServices(), static c => new(c));
        Phase<Contracts.V1.Eradication.EradicationBase, Contracts.V1.Eradication.EradicationClient>("eradication", "Eradication", b => b.AddEradicationServices(), static c => new(c));
        Phase<Contracts.V1.Recovery.RecoveryBase, Contracts.V1.Recovery.RecoveryClient>("recovery", "Recovery", b => b.AddRecoveryServices(), static c => new(c));
        if (services.Contains("incidents"))
        {
            builder.AddIncidentServices();
            maps.Add(static a => a.MapGrpcService<Contracts.V1.Incidents.IncidentsBase>());
            hosted.Add("incidents");
        }

        var app = builder.Build();
        foreach (var map in maps)
        {
            map(app);
        }

        app.MapGrpcInfrastructure();
        return new ServiceComposition(app, hosted, remote, missing);

        void Phase<TBase, TClient>(string name, string section, Action<WebApplicationBuilder> add, Func<CallInvoker, TClient> client)
            where TBase : class
            where TClient : class
        {
            if (services.Contains(name))
            {
                add(builder);

                // A phase project may register its helpers before its gRPC contract exists: then it is not served.
                if (builder.Services.Any(static d => d.ServiceType == typeof(TBase)))
                {
                    maps.Add(static a => a.MapGrpcService<TBase>());
                    hosted.Add(name);
                    return;
                }
            }
            else if (builder.Configuration[$"Services:{section}:Address"] is { Length: > 0 } address)
            {
                var uri = new Uri(address);
                // One long-lived channel per remote phase; the coordinator puts a deadline on every call.
                // Each call carries a service token for that phase (with a ServiceIdentity key), not a shared secret.
                builder.Services.AddKeyedSingleton(name, (sp, _) => GrpcChannel.ForAddress(uri, new GrpcChannelOptions
                {
                    HttpHandler = new ServiceTokenHandler(sp.GetRequiredService<ServiceTokens>())
                    {
                        InnerHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true },
                    },
                    ServiceConfig = PhaseRetries.Config,
                }));
                builder.Services.AddSingleton(sp => client(sp.GetRequiredKeyedService<GrpcChannel>(name).CreateCallInvoker()));
                remote.Add(name);
                return;
            }

            missing.Add(name);
        }
    }
}
