using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CredIr.Hosting;

public static class CallerIdentityGuard
{
    /// <summary>
    /// Refuses to start a service hosted alone that would listen beyond loopback (urls, Kestrel:Endpoints) while it
    /// cannot tell who calls (no ServiceIdentity key, no Grpc:CallerKey): anyone on the network could then call it as anyone.
    /// </summary>
    public static WebApplicationBuilder RequireCallerIdentityOffLoopback(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!string.IsNullOrEmpty(configuration[$"{CredIrGrpcOptions.SectionName}:{nameof(CredIrGrpcOptions.CallerKey)}"])
            || !string.IsNullOrEmpty(configuration["ServiceIdentity:Key"]) || !string.IsNullOrEmpty(configuration["ServiceIdentity:KeyFile"]))
        {
            return builder;
        }

        if (ListenAddresses(builder.Configuration).FirstOrDefault(static a => !IsLoopback(a)) is { } open)
        {
            throw new InvalidOperationException(
                $"This service would listen on {open}, beyond loopback, without a way to know who calls it: set ServiceIdentity:Key (from the environment, ServiceIdentity__Key; or Grpc:CallerKey behind the gateway), or listen on 127.0.0.1 only.");
        }

        return builder;
    }

    internal static IEnumerable<string> ListenAddresses(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                yield return url;
            }
        }
    }

    private static bool IsLoopback(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var authority = (scheme >= 0 ? url[(scheme + 3)..] : url).Split('/')[0];
        var colon = authority.LastIndexOf(':');
        var host = (colon > 0 && !authority.EndsWith(']') ? authority[..colon] : authority).Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
