using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Iam;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.HuaweiCloud.Hosting;

/// <summary>Registers <see cref="HuaweiCloudAccess"/> from the <c>HuaweiCloud</c> section, validated at start when present.</summary>
public static class HuaweiCloudServiceCollectionExtensions
{
    public static IServiceCollection AddHuaweiCloudAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HuaweiCloudSection>().Bind(configuration.GetSection(HuaweiCloudOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HuaweiCloudSection>, SectionValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(HuaweiCloudAccess));
        services.TryAddSingleton(static sp =>
        {
            var section = sp.GetRequiredService<IOptions<HuaweiCloudSection>>().Value;
            if (!section.IsConfigured)
            {
                return new HuaweiCloudAccess(null, null, null);
            }

            var options = section.ToOptions();
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HuaweiCloudAccess));
            var time = sp.GetRequiredService<TimeProvider>();
            return new HuaweiCloudAccess(
                new HuaweiIamClient(http, options, time, sp.GetService<ILogger<HuaweiIamClient>>()),
                new HuaweiCtsClient(http, options, time, sp.GetService<ILogger<HuaweiCtsClient>>()),
                options.Credentials.AccessKeyId);
        });
        return services;
    }

    private sealed class SectionValidator : IValidateOptions<HuaweiCloudSection>
    {
        public ValidateOptionsResult Validate(string? name, HuaweiCloudSection options)
        {
            if (!options.IsConfigured)
            {
                return ValidateOptionsResult.Success;
            }

            try
            {
                options.ToOptions();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
