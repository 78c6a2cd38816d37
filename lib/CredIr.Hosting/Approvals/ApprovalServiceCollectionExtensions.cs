using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

public static class ApprovalServiceCollectionExtensions
{
    /// <summary>
    /// The approval key (section "Approvals", validated at start), plan seals, the coordinator's issuer and the
    /// acting services' gate. The store defaults to a SQLite file under Approvals:DataFolder; the coordinator registers its incident store instead.
    /// </summary>
    public static IServiceCollection AddCredIrApprovals(this IServiceCollection services)
    {
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApprovalOptions>, ApprovalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IApprovalStore, SqliteApprovalStore>();
        services.TryAddSingleton<ApprovalKeys>();
        services.TryAddSingleton<PlanSeals>();
        services.TryAddSingleton<ApprovalIssuer>();
        services.TryAddSingleton<ApprovalGate>();
        return services;
    }
}
