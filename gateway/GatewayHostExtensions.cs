using CredIr.Gateway.Audit;
using CredIr.Gateway.Auth;
using CredIr.Gateway.InProcess;
using CredIr.Gateway.Proxy;
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
    /// <summary>Kestrel (gRPC host rules), options, YARP (backends, health), authentication, CORS, rate limiting.</summary>
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
        services.AddSingleton<InProcessServices>();
        services.AddSingleton<IncidentsChannels>();
        services.AddGatewayProxy(builder.Configuration);
        services.AddGatewayAuth(builder.Configuration);
        services.AddGatewayCors(builder.Configuration);
        services.AddGatewayRateLimiting(builder.Configuration);
        return builder;
    }

    /// <summary>The middleware (audit, rate limit per address, CORS, authentication, roles, rate limit per caller) and every route.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<AuditMiddleware>();
        app.UseMiddleware<AddressRateLimitMiddleware>();
        app.UseMiddleware<RestEdgeMiddleware>();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<CallerGate>();
        app.UseRateLimiter();

        app.MapGrpcInfrastructure();
        app.Services.GetRequiredService<InProcessServices>().Map(app);
        app.MapGatewayProxy();
        app.MapRest();
        return app;
    }
}
