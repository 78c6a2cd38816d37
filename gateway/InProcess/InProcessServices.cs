using Microsoft.Extensions.Options;

namespace CredIr.Gateway.InProcess;

/// <summary>
/// The credir.v1 services hosted in the gateway's own process: their implementation is registered
/// in the gateway's container (as <c>credir serve</c> does) and Gateway:Services:&lt;Name&gt; lists no
/// address. They are served directly, without an HTTP hop; the others are forwarded.
/// </summary>
internal sealed class InProcessServices
{
    private static readonly (string Name, Type Contract, Func<IEndpointRouteBuilder, IEndpointConventionBuilder> Map)[] Known =
    [
        ("Identification", typeof(Contracts.V1.Identification.IdentificationBase), static e => e.MapGrpcService<Contracts.V1.Identification.IdentificationBase>()),
        ("Containment", typeof(Contracts.V1.Containment.ContainmentBase), static e => e.MapGrpcService<Contracts.V1.Containment.ContainmentBase>()),
        ("Eradication", typeof(Contracts.V1.Eradication.EradicationBase), static e => e.MapGrpcService<Contracts.V1.Eradication.EradicationBase>()),
        ("Recovery", typeof(Contracts.V1.Recovery.RecoveryBase), static e => e.MapGrpcService<Contracts.V1.Recovery.RecoveryBase>()),
        ("Incidents", typeof(Contracts.V1.Incidents.IncidentsBase), static e => e.MapGrpcService<Contracts.V1.Incidents.IncidentsBase>()),
    ];

    private readonly HashSet<string> _served;

    public InProcessServices(IServiceProviderIsService isService, IOptions<GatewayOptions> options)
    {
        var configured = options.Value.Services;
        _served = Known
            .Where(k => isService.IsService(k.Contract) && !(configured.TryGetValue(k.Name, out var s) && s.Addresses.Count > 0))
            .Select(k => k.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether credir.v1.<paramref name="name"/> ("Incidents") runs in this process.</summary>
    public bool Contains(string name) => _served.Contains(name);

    /// <summary>
    /// Maps the gRPC endpoints of every in-process service ahead of the forwarding route, which
    /// matches the same paths. Authentication, roles, rate limit and audit run before them as
    /// before a forwarded call; the authenticated user is the services' caller (ServerCallContext.Caller()).
    /// </summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var (name, _, map) in Known)
        {
            if (_served.Contains(name))
            {
                map(endpoints).WithOrder(-2);
            }
        }
    }
}
