using CredIr.Aws;
using CredIr.Hosting;
using CredIr.Hosting.InProcess;
using IdentificationApi = CredIr.Contracts.V1.Identification;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Identification.Cmdb;
using CredIr.Identification.HuaweiCloud;
using CredIr.Identification.Inputs;
using CredIr.Identification.Notifications;
using CredIr.Identification.Resolution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Identification;

/// <summary>Wiring of the Identification service, for its own Program.cs and for <c>credir serve</c>.</summary>
public static class IdentificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers credir.v1.Identification (and an in-process Identification.IdentificationClient) and what it needs: options (validated at start), the parser, the
    /// CMDB, the notification outbox and its dispatcher (a hosted service), and AWS access through CredIr.Aws unless an
    /// <see cref="ICredentialDirectory"/> is already registered. Map it with <c>app.MapGrpcService&lt;Identification.IdentificationBase&gt;()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddIdentificationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentificationOptions>().Bind(builder.Configuration.GetSection(IdentificationOptions.SectionName))
            .Validate(o => o.MaxInputBytes > 0, "Identification:MaxInputBytes must be positive")
            .Validate(o => o.DefaultBaselineDays is >= 1 and <= 90, "Identification:DefaultBaselineDays must be 1 to 90")
            .Validate(o => o.LookbackDays is >= 1 and <= 90, "Identification:LookbackDays must be 1 to 90 (LookupEvents keeps 90 days)")
            .Validate(o => o.CmdbPath is null || File.Exists(o.CmdbPath), "Identification:CmdbPath names a file that does not exist")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<InputParser>();
        services.TryAddSingleton<CmdbStore>();
        services.TryAddSingleton<CredentialResolver>();
        services.TryAddSingleton<INotificationOutbox, SqliteNotificationOutbox>();
        services.AddHttpClient(nameof(WebhookSender));
        services.TryAddSingleton(sp => new WebhookSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookSender)), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        services.TryAddSingleton<Notifier>();

        AddAwsDirectory(builder);
        services.AddHuaweiCloudAccess(builder.Configuration);
        services.TryAddSingleton<HuaweiIdentification>();
        services.TryAddSingleton<IdentificationApi.IdentificationBase, IdentificationService>();
        services.AddSingleton(static sp => RpcErrors.Logged(sp.GetRequiredService<ILogger<IdentificationService>>()));
        services.AddServiceHealth(IdentificationApi.Descriptor.FullName);
        services.AddInProcessClient<IdentificationApi.IdentificationBase, IdentificationApi.IdentificationClient>(IdentificationApi.BindService, static i => new IdentificationApi.IdentificationClient(i));
        return builder;
    }

    private static void AddAwsDirectory(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpClient(nameof(AwsRuntime));
        services.TryAddSingleton(sp =>
        {
            var options = new AwsClientOptions();
            builder.Configuration.GetSection(AwsClientOptions.SectionName).Bind(options);
            return new AwsRuntime(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AwsRuntime)), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsRuntime>().CreateDefaultScope());
        services.TryAddSingleton(sp =>
        {
            var options = new OrganizationSessionOptions();
            builder.Configuration.GetSection(OrganizationSessionOptions.SectionName).Bind(options);
            return new OrganizationSessions(sp.GetRequiredService<AwsScope>(), "identification", options);
        });
        services.TryAddSingleton<ICredentialDirectory, AwsCredentialDirectory>();
    }
}
