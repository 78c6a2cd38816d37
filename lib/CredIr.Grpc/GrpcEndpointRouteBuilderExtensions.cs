using CredIr.Grpc.Internal.Binding;
using CredIr.Grpc.Internal.Reflection;
using CredIr.Grpc.Internal.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the proto service of <typeparamref name="TContract"/> (an interface marked
    /// [GrpcService]) with the implementation registered for it in DI. Throws at start-up when the
    /// contract lacks a method for an rpc, naming it and the signature expected.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TContract>(this IEndpointRouteBuilder endpoints)
        where TContract : class
    {
        var description = ContractBinder.Describe(typeof(TContract));
        var provider = endpoints.ServiceProvider;
        if (provider.GetService<ServerCallServices>() is not { } services)
        {
            throw new InvalidOperationException("Call services.AddCredIrGrpc() (or builder.AddCredIrGrpcHost()) before MapGrpcService.");
        }

        if (provider.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(typeof(TContract)))
        {
            throw new InvalidOperationException($"No implementation of {typeof(TContract).Name} is registered: add one to the services before mapping {description.Service.FullName}.");
        }

        if (!services.Registry.Add(description))
        {
            throw new InvalidOperationException($"{description.Service.FullName} is mapped twice.");
        }

        var singleton = provider.GetService<RegisteredServices>()?.IsSingleton(typeof(TContract)) == true;
        var resolver = new ServiceResolver<TContract>(provider, singleton);
        var builders = new List<IEndpointConventionBuilder>(description.Methods.Count);
        foreach (var method in description.Methods)
        {
            var handler = ServerMethodFactory.Create(typeof(TContract), method, services, resolver);
            builders.Add(endpoints.MapPost(method.Path, handler.HandleAsync).WithDisplayName("gRPC " + method.FullName));
        }

        MapUnimplemented(endpoints, services);
        provider.GetRequiredService<HealthStatusRegistry>().SetStatus(description.Service.FullName, ServingStatus.Serving);
        return new GrpcServiceConventionBuilder(builders);
    }

    /// <summary>
    /// Serves grpc.health.v1.Health and server reflection (grpc.reflection.v1alpha and v1), which
    /// lists every mapped service, and answers UNIMPLEMENTED for any other gRPC method.
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcInfrastructure(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<IHealthService>();
        endpoints.MapGrpcService<IServerReflectionV1Alpha>();
        endpoints.MapGrpcService<IServerReflectionV1>();
        return endpoints;
    }

    private static void MapUnimplemented(IEndpointRouteBuilder endpoints, ServerCallServices services)
    {
        if (services.Registry.FallbackMapped)
        {
            return;
        }

        services.Registry.FallbackMapped = true;
        var pattern = RoutePatternFactory.Parse(
            UnimplementedEndpoint.Pattern,
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [UnimplementedEndpoint.ServiceKey] = new GrpcContentTypeConstraint() });
        endpoints.Map(pattern, http => UnimplementedEndpoint.HandleAsync(http, services))
            .WithMetadata(new HttpMethodMetadata(["POST"]))
            .WithDisplayName("gRPC unimplemented");
    }
}
