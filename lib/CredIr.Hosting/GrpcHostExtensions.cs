using System.IO.Compression;
using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using CredIr.Hosting.Internal;
using CredIr.Hosting.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting;

public static class GrpcHostExtensions
{
    /// <summary>
    /// Makes this web application a gRPC host: HTTP/2 with prior knowledge (h2c) on http:// addresses,
    /// HTTP/1.1 and HTTP/2 (ALPN) on https:// ones; addresses from ASPNETCORE_URLS, --urls or
    /// Kestrel:Endpoints; and the gRPC server (<see cref="AddCredIrGrpc"/>).
    /// </summary>
    public static WebApplicationBuilder AddCredIrGrpcHost(this WebApplicationBuilder builder)
    {
        var tlsPorts = KestrelAddresses.TlsPorts(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen =>
            // Kestrel cannot tell HTTP/1.1 from an h2c preface on one cleartext port, so cleartext is HTTP/2 only.
            listen.Protocols = tlsPorts.Contains(listen.IPEndPoint?.Port ?? -1) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2));
        builder.Services.AddCredIrGrpc();
        return builder;
    }

    /// <summary>
    /// Grpc.AspNetCore with the "Grpc" section's limits (validated at start), gzip responses, the caller
    /// and error interceptors, the request limits (<see cref="RequestShape"/>), server reflection and grpc.health.v1 (fed by the host's health checks).
    /// </summary>
    public static IServiceCollection AddCredIrGrpc(this IServiceCollection services)
    {
        services.AddOptions<CredIrGrpcOptions>()
            .BindConfiguration(CredIrGrpcOptions.SectionName)
            .Validate(static o => o.MaxReceiveMessageSize is null or > 0, "Grpc:MaxReceiveMessageSize must be positive (bytes), or empty for no limit.")
            .Validate(static o => o.MaxSendMessageSize is null or > 0, "Grpc:MaxSendMessageSize must be positive (bytes), or empty for no limit.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Identity.ServiceIdentityOptions>()
            .BindConfiguration(Identity.ServiceIdentityOptions.SectionName)
            .Validate(static o => string.IsNullOrEmpty(o.Key) || SecretKeys.Decode(o.Key) is not null, "ServiceIdentity:Key must be base64 of at least 32 random bytes (e.g. openssl rand -base64 32).")
            .Validate(static o => string.IsNullOrEmpty(o.KeyFile) || (File.Exists(o.KeyFile) && SecretKeys.Decode(File.ReadAllText(o.KeyFile)) is not null), "ServiceIdentity:KeyFile must name a file holding base64 of at least 32 random bytes.")
            .Validate(static o => o.TokenLifetime > TimeSpan.Zero, "ServiceIdentity:TokenLifetime must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<Identity.ServiceTokens>();
        services.TryAddSingleton<CallerInterceptor>();
        services.TryAddSingleton<ErrorMappingInterceptor>();
        services.TryAddSingleton<RequestShapeInterceptor>();
        services.AddGrpc(static o =>
        {
            // Caller first, so that a mapped error still knows who called.
            o.Interceptors.Add<CallerInterceptor>();
            o.Interceptors.Add<ErrorMappingInterceptor>();
            // Last: a request out of its limits is refused before the handler, after the caller is known.
            o.Interceptors.Add<RequestShapeInterceptor>();
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GrpcServiceOptions>, ConfigureGrpcLimits>());
        UseValidatingBinder(services);
        services.AddGrpcReflection();
        // grpc.health.v1 reports UNKNOWN for a service with no check at all: the host's own check says it serves.
        services.AddGrpcHealthChecks().AddCheck("host", static () => HealthCheckResult.Healthy());
        return services;
    }

    /// <summary>
    /// Reports <paramref name="serviceName"/> ("credir.v1.Containment") in grpc.health.v1: SERVING while
    /// the host serves and every health check tagged with that name is healthy (a service adds its own
    /// readiness checks with that tag), checked on each Check.
    /// </summary>
    public static IServiceCollection AddServiceHealth(this IServiceCollection services, string serviceName)
    {
        services.Configure<GrpcHealthChecksOptions>(o => o.Services.Map(serviceName, r => r.Name == "host" || r.Tags.Contains(serviceName)));
        return services;
    }

    /// <summary>
    /// Serves grpc.health.v1.Health and server reflection (grpc.reflection.v1alpha), which lists every mapped service;
    /// on a WebApplication, also waits for each unary request before its handler (<see cref="RequestPrefetchMiddleware"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapGrpcInfrastructure(this IEndpointRouteBuilder endpoints)
    {
        // A WebApplication runs its middleware after routing: the prefetch sees which gRPC method was called.
        if (endpoints is IApplicationBuilder app)
        {
            app.UseMiddleware<RequestPrefetchMiddleware>();
        }

        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }

    /// <summary>
    /// Replaces Grpc.AspNetCore's binder of generated services with ours, which answers an unparseable
    /// request body INVALID_ARGUMENT instead of UNKNOWN (<see cref="ValidatingServiceMethodProvider{TService}"/>).
    /// Its binder is internal: it is found by name, and its absence (a newer Grpc.AspNetCore) fails at start.
    /// </summary>
    private static void UseValidatingBinder(IServiceCollection services)
    {
        var binder = services.SingleOrDefault(static d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType?.Name == "BinderServiceMethodProvider`1");
        if (binder is null)
        {
            if (services.Any(static d => d.ServiceType == typeof(IServiceMethodProvider<>) && d.ImplementationType == typeof(ValidatingServiceMethodProvider<>)))
            {
                return;
            }

            throw new InvalidOperationException("Grpc.AspNetCore's BinderServiceMethodProvider was not registered: this version binds services differently; update ValidatingServiceMethodProvider.");
        }

        services.Remove(binder);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(ValidatingServiceMethodProvider<>)));
    }

    /// <summary>
    /// Grpc.AspNetCore's server builder, for extensions such as JSON transcoding. Use it instead of calling AddGrpc()
    /// again: that call registers Grpc.AspNetCore's own binder anew beside ours, and an unparseable request would be
    /// answered UNKNOWN again by every service of the host.
    /// </summary>
    public static IGrpcServerBuilder AddCredIrGrpcServer(this IServiceCollection services)
    {
        var grpc = services.AddGrpc();
        UseValidatingBinder(services);
        return grpc;
    }

    private sealed class ConfigureGrpcLimits(IOptions<CredIrGrpcOptions> options) : IConfigureOptions<GrpcServiceOptions>
    {
        public void Configure(GrpcServiceOptions grpc)
        {
            var settings = options.Value;
            grpc.MaxReceiveMessageSize = settings.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = settings.MaxSendMessageSize;
            grpc.EnableDetailedErrors = settings.EnableDetailedErrors;
            if (settings.CompressResponses)
            {
                grpc.ResponseCompressionAlgorithm = "gzip";
                grpc.ResponseCompressionLevel = CompressionLevel.Fastest;
            }
        }
    }
}
