using CredIr.Contracts.Services;
using CredIr.Grpc;
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
        ("Identification", typeof(IIdentificationService), static e => e.MapGrpcService<IIdentificationService>()),
        ("Containment", typeof(IContainmentService), static e => e.MapGrpcService<IContainmentService>()),
        ("Eradication", typeof(IEradicationService), static e => e.MapGrpcService<IEradicationService>()),
        ("Recovery", typeof(IRecoveryService), static e => e.MapGrpcService<IRecoveryService>()),
        ("Incidents", typeof(IIncidentsService), static e => e.MapGrpcService<IIncidentsService>()),
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
    /// before a forwarded call; the authenticated user is the services' CallContext.Caller.
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
