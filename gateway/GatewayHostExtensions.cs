using CredIr.Gateway.Audit;
using CredIr.Gateway.Auth;
using CredIr.Gateway.Forwarding;
using CredIr.Gateway.Health;
using CredIr.Gateway.InProcess;
using CredIr.Gateway.RateLimiting;
using CredIr.Gateway.Rest;
using CredIr.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway;

/// <summary>Wiring of the gateway: <c>builder.AddGateway()</c>, then <c>app.MapGateway()</c>.</summary>
public static class GatewayHostExtensions
{
    /// <summary>Kestrel (gRPC host rules), options, backends, health checks, authentication, CORS, rate limiting.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCredIrGrpcHost();
        var maxBody = builder.Configuration.GetValue<long?>($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.MaxRequestBodyBytes)}")
            ?? new GatewayOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        if (builder.Configuration.GetValue<bool>($"{ClientCertificateOptions.SectionName}:{nameof(ClientCertificateOptions.Enabled)}"))
        {
            // HTTP/2 cannot renegotiate: the certificate is asked for in the handshake, optionally so that
            // token callers still connect. ClientCertificateHandler checks it against the configured
            // issuers, not the machine's roots, so TLS itself accepts any.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = static (_, _, _) => true;
            }));
        }

        var services = builder.Services;
        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BackendRegistry>();
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<GrpcForwarder>();
        services.AddSingleton<InProcessServices>();
        services.AddHostedService<BackendHealthChecker>();
        services.AddGatewayAuth(builder.Configuration);
        services.AddGatewayCors(builder.Configuration);
        services.AddGatewayRateLimiting(builder.Configuration);
        return builder;
    }

    /// <summary>The middleware (audit, CORS, authentication, authorization, rate limit) and every route.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<AuditMiddleware>();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<CallerGate>();
        app.UseRateLimiter();

        app.MapGrpcInfrastructure();
        app.Services.GetRequiredService<InProcessServices>().Map(app);
        app.MapPost("/credir.v1.{service}/{method}", (HttpContext http, string service, string method, GrpcForwarder forwarder) =>
            forwarder.ForwardAsync(http, "credir.v1." + service, method))
            // Before the gRPC layer's catch-all "unimplemented" endpoint, which matches the same paths.
            .WithOrder(-1);
        app.MapRest();
        return app;
    }
}
