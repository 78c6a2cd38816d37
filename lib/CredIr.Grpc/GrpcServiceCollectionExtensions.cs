using CredIr.Grpc.Internal.Health;
using CredIr.Grpc.Internal.Reflection;
using CredIr.Grpc.Internal.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CredIr.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gRPC server: options (section "Grpc", validated at start), the health
    /// registry, and the health and reflection services.
    /// </summary>
    public static IServiceCollection AddCredIrGrpc(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>().BindConfiguration(GrpcServerOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(static o => o.MaxReceiveMessageSize is null or > 0, "Grpc:MaxReceiveMessageSize must be positive (bytes), or empty for no limit.")
            .Validate(static o => o.MaxSendMessageSize is null or > 0, "Grpc:MaxSendMessageSize must be positive (bytes), or empty for no limit.")
            .ValidateOnStart();
        services.AddRouting();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new RegisteredServices(services));
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton<ServerCallServices>();
        services.TryAddSingleton<HealthStatusRegistry>();
        services.TryAddSingleton<IHealthService, HealthService>();
        services.TryAddSingleton<ReflectionService>();
        services.TryAddSingleton<IServerReflectionV1>(static sp => sp.GetRequiredService<ReflectionService>());
        services.TryAddSingleton<IServerReflectionV1Alpha>(static sp => sp.GetRequiredService<ReflectionService>());
        return services;
    }
}
