using Microsoft.AspNetCore.Builder;

namespace CredIr.Grpc;

/// <summary>Conventions (authorization, metadata) applied to every method endpoint of one mapped service.</summary>
public sealed class GrpcServiceConventionBuilder : IEndpointConventionBuilder
{
    private readonly IReadOnlyList<IEndpointConventionBuilder> _methods;

    internal GrpcServiceConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> methods) => _methods = methods;

    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var method in _methods)
        {
            method.Add(convention);
        }
    }
}
