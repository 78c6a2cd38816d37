using CredIr.Containment;
using CredIr.Contracts.Services;
using CredIr.Eradication;
using CredIr.Grpc;
using CredIr.Identification;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Service;
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

        builder.AddCredIrGrpcHost();
        var hosted = new List<string>();
        var remote = new List<string>();
        var missing = new List<string>();
        var maps = new List<Action<WebApplication>>();
        Phase<IIdentificationService>("identification", "Identification", b => b.AddIdentificationServices());
        Phase<IContainmentService>("containment", "Containment", b => b.AddContainmentServices());
        Phase<IEradicationService>("eradication", "Eradication", b => b.AddEradicationServices());
        Phase<IRecoveryService>("recovery", "Recovery", b => b.AddRecoveryServices());
        if (services.Contains("incidents"))
        {
            builder.AddIncidentServices();
            var resolution = new CallerResolution(builder.Configuration["Grpc:CallerKey"]);
            builder.Services.Remove(builder.Services.Last(static d => d.ServiceType == typeof(IIncidentsService)));
            builder.Services.AddSingleton<IIncidentsService>(sp => new CallerResolvingIncidents(sp.GetRequiredService<IncidentsService>(), resolution));
            maps.Add(static a => a.MapGrpcService<IIncidentsService>());
            hosted.Add("incidents");
        }

        var app = builder.Build();
        foreach (var map in maps)
        {
            map(app);
        }

        app.MapGrpcInfrastructure();
        return new ServiceComposition(app, hosted, remote, missing);

        void Phase<TContract>(string name, string section, Action<WebApplicationBuilder> add)
            where TContract : class
        {
            if (services.Contains(name))
            {
                add(builder);

                // A phase project may register its helpers before its gRPC contract exists: then it is not served.
                if (builder.Services.Any(static d => d.ServiceType == typeof(TContract)))
                {
                    maps.Add(static a => a.MapGrpcService<TContract>());
                    hosted.Add(name);
                    return;
                }
            }
            else if (builder.Configuration[$"Services:{section}:Address"] is { Length: > 0 } address)
            {
                var uri = new Uri(address);
                builder.Services.AddKeyedSingleton(name, (_, _) => GrpcChannel.ForAddress(uri));
                builder.Services.AddSingleton(sp => sp.GetRequiredKeyedService<GrpcChannel>(name).CreateClient<TContract>());
                remote.Add(name);
                return;
            }

            missing.Add(name);
        }
    }
}
