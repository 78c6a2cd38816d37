using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Grpc.Internal.Server;

/// <summary>
/// The application's service registrations, kept to learn an implementation's lifetime: a
/// singleton is resolved once, anything else per request (which costs a DI scope per call).
/// </summary>
internal sealed class RegisteredServices(IServiceCollection services)
{
    public bool IsSingleton(Type serviceType) =>
        services.LastOrDefault(d => d.ServiceType == serviceType && !d.IsKeyedService)?.Lifetime == ServiceLifetime.Singleton;
}
