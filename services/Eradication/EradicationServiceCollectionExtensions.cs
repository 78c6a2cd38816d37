using CredIr.Eradication.HuaweiCloud;
using CredIr.HuaweiCloud.Hosting;
using CredIr.Aws;
using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using CredIr.Hosting.InProcess;
using EradicationApi = CredIr.Contracts.V1.Eradication;
using CredIr.Eradication.Cloud;
using CredIr.Eradication.Execution;
using CredIr.Eradication.Planning;
using CredIr.Eradication.Scanning;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.Athena;
using CredIr.Eradication.Trails.LogFiles;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication;

public static class EradicationServiceCollectionExtensions
{
    /// <summary>
    /// Registers credir.v1.Eradication (map it with <c>app.MapGrpcService&lt;Eradication.EradicationBase&gt;()</c>; an in-process Eradication.EradicationClient too), the scan (<see cref="ScanHandler"/>), the trail sources, the rules tables,
    /// the plan (<see cref="PlanHandler"/>, reading current state through <see cref="IResourceStateReaderFactory"/>: the AWS clients unless the host registers its own),
    /// the execution (<see cref="EradicationExecutor"/>), both acting as the host's <see cref="AwsScope"/> when it registers one (else the default credential chain), and, unless the host has its own, the system clock. Options: sections "Eradication" (CmdbPath), "Eradication:LogFiles", "Eradication:LookupEvents", "Eradication:Athena", "Aws" and "Aws:Organization", checked at start.
    /// </summary>
    public static IHostApplicationBuilder AddEradicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogFileSourceOptions>()
            .BindConfiguration(LogFileSourceOptions.SectionName)
            .Validate(static o => o.MaxParallelism > 0 && o.ChannelCapacity > 0, "Eradication:LogFiles:MaxParallelism and ChannelCapacity must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<LookupEventsSourceOptions>()
            .BindConfiguration(LookupEventsSourceOptions.SectionName)
            .Validate(static o => o.SegmentsPerUnit > 0 && o.RequestsPerSecond > 0 && o.MaxChainsPerAccountRegion > 0 && o.MaxRequestsInFlight > 0 && o.ChannelCapacity > 0,
                "Eradication:LookupEvents:SegmentsPerUnit, RequestsPerSecond, MaxChainsPerAccountRegion, MaxRequestsInFlight and ChannelCapacity must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<AthenaSourceOptions>()
            .BindConfiguration(AthenaSourceOptions.SectionName)
            .Validate(static o => o.PollInterval > TimeSpan.Zero && o.MaxPollInterval >= o.PollInterval && o.QueryTimeout > TimeSpan.Zero && o.PageSize is >= 1 and <= 1000,
                "Eradication:Athena:PollInterval, MaxPollInterval (>= PollInterval) and QueryTimeout must be positive; PageSize 1 to 1000.")
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AthenaSourceOptions>, AthenaSourceOptionsValidator>());
        builder.Services.AddOptions<EradicationOptions>()
            .BindConfiguration(EradicationOptions.SectionName)
            .Validate(static o => string.IsNullOrWhiteSpace(o.CmdbPath) || File.Exists(o.CmdbPath), "Eradication:CmdbPath names a file that does not exist.")
            .ValidateOnStart();
        builder.Services.AddCredIrAws(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddCredIrApprovals();
        builder.Services.TryAddSingleton(static _ => new EventClassifier());
        builder.Services.TryAddSingleton(static _ => new RecordExtractor());
        builder.Services.TryAddSingleton<TrailSourceFactory>();
        builder.Services.AddHuaweiCloudAccess(builder.Configuration);
        builder.Services.TryAddSingleton<HuaweiScan>();
        builder.Services.TryAddSingleton<HuaweiEradication>();
        builder.Services.TryAddSingleton<ScanHandler>();
        builder.Services.TryAddSingleton(static sp => new EradicationCloud(
            sp.GetService<AwsScope>() ?? sp.GetRequiredService<AwsRuntime>().CreateDefaultScope(),
            sp.GetRequiredService<IOptions<OrganizationSessionOptions>>().Value));
        builder.Services.TryAddSingleton<IResourceStateReaderFactory, AwsResourceStateReaderFactory>();
        builder.Services.TryAddSingleton<BlastRadiusFinder>();
        builder.Services.TryAddSingleton<PlanHandler>();
        builder.Services.TryAddSingleton<EradicationExecutor>();
        builder.Services.TryAddSingleton<EradicationApi.EradicationBase, EradicationService>();
        builder.Services.AddServiceHealth(EradicationApi.Descriptor.FullName);
        builder.Services.AddInProcessClient<EradicationApi.EradicationBase, EradicationApi.EradicationClient>(EradicationApi.BindService, static i => new EradicationApi.EradicationClient(i));
        return builder;
    }
}
