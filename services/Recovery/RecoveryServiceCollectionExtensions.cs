using CredIr.Aws;
using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using CredIr.Hosting.InProcess;
using RecoveryApi = CredIr.Contracts.V1.Recovery;
using CredIr.Playbook.Extraction;
using CredIr.Recovery.Cloud;
using CredIr.Recovery.Cmdb;
using CredIr.Recovery.Execution;
using CredIr.Recovery.HuaweiCloud;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Recovery.Planning;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CredIr.Recovery;

/// <summary>Wiring of the Recovery service, for its own Program.cs and for <c>credir serve</c>.</summary>
public static class RecoveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers credir.v1.Recovery (map it with <c>app.MapGrpcService&lt;Recovery.RecoveryBase&gt;()</c>; an in-process Recovery.RecoveryClient too), the
    /// CMDB reader and the <see cref="ICmdbUpdater"/> (a change log file beside the CMDB) unless one is registered, and
    /// AWS access through CredIr.Aws: the default credential chain's <see cref="AwsScope"/> (or the host's) entering
    /// member accounts through the response role (section "Aws:Organization"). Options: section "Recovery".
    /// </summary>
    public static IHostApplicationBuilder AddRecoveryServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RecoveryOptions>().Bind(builder.Configuration.GetSection(RecoveryOptions.SectionName))
            .Validate(static o => string.IsNullOrWhiteSpace(o.CmdbPath) || File.Exists(o.CmdbPath), "Recovery:CmdbPath names a file that does not exist.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCredIrApprovals();
        services.TryAddSingleton(static _ => new RecordExtractor());
        services.TryAddSingleton<CmdbResources>();
        services.AddHuaweiCloudAccess(builder.Configuration);
        services.TryAddSingleton<HuaweiRecovery>();
        services.TryAddSingleton<ICmdbUpdater, FileCmdbUpdater>();

        services.AddHttpClient(nameof(AwsRuntime));
        services.TryAddSingleton(sp =>
        {
            var options = new AwsClientOptions();
            builder.Configuration.GetSection(AwsClientOptions.SectionName).Bind(options);
            return new AwsRuntime(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AwsRuntime)), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton(static sp => sp.GetRequiredService<AwsRuntime>().CreateDefaultScope());
        services.TryAddSingleton(sp =>
        {
            var options = new OrganizationSessionOptions();
            builder.Configuration.GetSection(OrganizationSessionOptions.SectionName).Bind(options);
            return new OrganizationSessions(sp.GetRequiredService<AwsScope>(), "recovery", options);
        });
        services.TryAddSingleton<IAccountClients, OrganizationAccountClients>();

        services.TryAddSingleton<ChangeFinder>();
        services.TryAddSingleton<IamPolicyPlanner>();
        services.TryAddSingleton<StoragePlanner>();
        services.TryAddSingleton<InstancePlanner>();
        services.TryAddSingleton<RecoveryPlanner>();
        services.TryAddSingleton<StepRunner>();
        services.TryAddSingleton<RecoveryExecutor>();
        services.TryAddSingleton<RecoveryApi.RecoveryBase, RecoveryService>();
        services.AddSingleton(new RpcErrorMap(RecoveryApi.Descriptor.FullName, RpcErrors.Map));
        services.AddServiceHealth(RecoveryApi.Descriptor.FullName);
        services.AddInProcessClient<RecoveryApi.RecoveryBase, RecoveryApi.RecoveryClient>(RecoveryApi.BindService, static i => new RecoveryApi.RecoveryClient(i));
        return builder;
    }
}
