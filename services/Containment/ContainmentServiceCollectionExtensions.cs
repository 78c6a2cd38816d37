using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Containment.Execution;
using CredIr.Containment.HuaweiCloud;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Containment.Planning;
using CredIr.Containment.Rollback;
using CredIr.Containment.Verification;
using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using CredIr.Hosting.InProcess;
using ContainmentApi = CredIr.Contracts.V1.Containment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CredIr.Containment;

public static class ContainmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the containment service (credir.v1.Containment; map it with
    /// MapGrpcService&lt;Containment.ContainmentBase&gt;(); and an in-process Containment.ContainmentClient), its options (section "Containment", validated at
    /// start), and, unless the host registered its own, the AWS runtime (AddCredIrAws: sections "Aws"
    /// and "Aws:Organization", whose RoleName is the response role), the responder's credentials
    /// (the AWS SDK's default chain) and the system clock.
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
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCredIrApprovals();
        if (!services.Any(static d => d.ServiceType == typeof(AwsRuntime)))
        {
            services.AddCredIrAws(configuration);
        }

        services.AddOptions<OrganizationSessionOptions>();
        services.TryAddSingleton(static _ => new ResponderCredentials(AwsCredentialChain.Default()));
        services.TryAddSingleton<ResponderAccess>();
        services.TryAddSingleton<StepHandlers>();
        services.TryAddSingleton<ContainmentPlanner>();
        services.TryAddSingleton<ContainmentExecutor>();
        services.TryAddSingleton<RollbackExecutor>();
        services.TryAddSingleton<VerificationWatcher>();
        services.AddHuaweiCloudAccess(configuration);
        services.TryAddSingleton<HuaweiContainmentPlanner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudContainment, HuaweiContainment>());
        services.TryAddSingleton<ContainmentApi.ContainmentBase, ContainmentService>();
        services.AddServiceHealth(ContainmentApi.Descriptor.FullName);
        services.AddInProcessClient<ContainmentApi.ContainmentBase, ContainmentApi.ContainmentClient>(ContainmentApi.BindService, static i => new ContainmentApi.ContainmentClient(i));
        return services;
    }
}
