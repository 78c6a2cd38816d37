using Microsoft.Extensions.Configuration;

namespace CredIr.Hosting;

/// <summary>The ports configured with https:// URLs (urls / ASPNETCORE_URLS / --urls, Kestrel:Endpoints).</summary>
internal static class KestrelAddresses
{
    public static HashSet<int> TlsPorts(IConfiguration configuration)
    {
        var urls = new List<string>();
        if (configuration["urls"] is { } configured)
        {
            urls.AddRange(configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                urls.Add(url);
            }
        }

        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Wildcard hosts (https://*:443, https://+:443) are not valid URIs: read the port after the last colon.
            var authority = url["https://".Length..].Split('/')[0];
            var colon = authority.LastIndexOf(':');
            ports.Add(colon >= 0 && int.TryParse(authority[(colon + 1)..], out var port) ? port : 443);
        }

        return ports;
    }
}
