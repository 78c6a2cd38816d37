using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Aws;

/// <summary>Registers the AWS runtime with an IHttpClientFactory client and options bound from configuration.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the runtime uses (configure handlers, proxies or timeouts on it).</summary>
    public const string HttpClientName = "CredIr.Aws";

    /// <summary>
    /// Adds <see cref="AwsRuntime"/> as a singleton, its options bound from the "Aws" section and
    /// validated at start-up, and <see cref="OrganizationSessionOptions"/> from "Aws:Organization". A
    /// <see cref="ILookupEventsBudget"/> in the container (a cluster's) holds LookupEvents' budget in its place.
    /// </summary>
    public static IServiceCollection AddCredIrAws(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AwsClientOptions>()
            .Bind(configuration.GetSection(AwsClientOptions.SectionName))
            .Validate(static o => Validates(o), "Aws options are invalid (see the start-up error for the key).")
            .ValidateOnStart();
        services.AddOptions<OrganizationSessionOptions>().Bind(configuration.GetSection(OrganizationSessionOptions.SectionName));
        services.AddHttpClient(HttpClientName);
        services.AddSingleton(static sp => new AwsRuntime(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<AwsClientOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<ILookupEventsBudget>()));
        return services;
    }

    private static bool Validates(AwsClientOptions options)
    {
        options.Validate();
        return true;
    }
}
