using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CredIr.Gateway.Auth;

internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayAuthOptions>().Bind(configuration.GetSection(GatewayAuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayAuthOptions>, GatewayAuthOptionsValidator>();
        services.AddHostedService<DevelopmentModeGuard>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
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
