using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Containment.Execution;
using CredIr.Containment.Planning;
using CredIr.Containment.Rollback;
using CredIr.Containment.Verification;
using CredIr.Contracts.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Containment;

public static class ContainmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the containment service (<see cref="IContainmentService"/>; map it with
    /// MapGrpcService&lt;IContainmentService&gt;()), its options (section "Containment", validated at
    /// start), and, unless the host registered its own, the AWS runtime (section "Aws"), the
    /// responder's credentials (the AWS SDK's default chain) and the system clock.
    /// </summary>
    public static IHostApplicationBuilder AddContainmentServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddContainmentServices(builder.Configuration);
        return builder;
    }

    /// <inheritdoc cref="AddContainmentServices(IHostApplicationBuilder)"/>
    public static IServiceCollection AddContainmentServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContainmentServiceOptions>()
            .BindConfiguration(ContainmentServiceOptions.SectionName)
            .Validate(static o => o.ProtectedPrincipals.All(static p => !string.IsNullOrWhiteSpace(p.Pattern) && !string.IsNullOrWhiteSpace(p.Reason)),
                "Containment:ProtectedPrincipals: every entry needs a Pattern (an ARN or ARN pattern) and a Reason.")
            .Validate(static o => o.VerificationWindow > TimeSpan.Zero && o.VerificationPollInterval > TimeSpan.Zero && o.VerificationDeliveryDelay >= TimeSpan.Zero,
                "Containment:VerificationWindow and VerificationPollInterval must be positive, VerificationDeliveryDelay not negative.")
            .Validate(static o => !string.IsNullOrWhiteSpace(o.ResponseRoleName), "Containment:ResponseRoleName must name the role entered in member accounts.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(nameof(AwsRuntime));
        services.TryAddSingleton(sp =>
        {
            var aws = new AwsClientOptions();
            configuration.GetSection(AwsClientOptions.SectionName).Bind(aws);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AwsRuntime));
            return new AwsRuntime(http, aws, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton(static _ => new ResponderCredentials(AwsCredentialChain.Default()));
        services.TryAddSingleton<ResponderAccess>();
        services.TryAddSingleton<StepHandlers>();
        services.TryAddSingleton<ContainmentPlanner>();
        services.TryAddSingleton<ContainmentExecutor>();
        services.TryAddSingleton<RollbackExecutor>();
        services.TryAddSingleton<VerificationWatcher>();
        services.TryAddSingleton<IContainmentService, ContainmentService>();
        return services;
    }
}
