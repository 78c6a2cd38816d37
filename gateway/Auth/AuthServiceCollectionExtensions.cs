using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CredIr.Gateway.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>The scheme that picks bearer or client certificate for each request.</summary>
    public const string GatewayScheme = "Gateway";

    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayAuthOptions>().Bind(configuration.GetSection(GatewayAuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayAuthOptions>, GatewayAuthOptionsValidator>();
        services.AddHostedService<DevelopmentModeGuard>();
        services.AddSingleton<ClientCertificateAuthenticator>();
        services.AddAuthentication(GatewayScheme)
            // A bearer token, when one is sent, decides; otherwise the connection's client certificate, if any.
            .AddPolicyScheme(GatewayScheme, "bearer token or client certificate", policy => policy.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count == 0 && http.Connection.ClientCertificate is not null
                    ? ClientCertificateHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ClientCertificateHandler>(ClientCertificateHandler.SchemeName, configureOptions: null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<GatewayAuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        return services;
    }

    private static void Configure(JwtBearerOptions jwt, GatewayAuthOptions auth)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = false;
        var keys = new List<SecurityKey>();
        if (!string.IsNullOrEmpty(auth.SigningKey))
        {
            keys.Add(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey)));
        }

        if (!string.IsNullOrEmpty(auth.JwksPath) && File.Exists(auth.JwksPath))
        {
            keys.AddRange(new JsonWebKeySet(File.ReadAllText(auth.JwksPath)).GetSigningKeys());
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKeys = keys,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = "sub",
            RoleClaimType = auth.RoleClaim,
        };

        // Refusals are written by CallerGate in the caller's protocol, not as a bare 401 challenge.
        jwt.Events = new JwtBearerEvents { OnChallenge = context => { context.HandleResponse(); return Task.CompletedTask; } };
    }
}
