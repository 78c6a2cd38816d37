using CredIr.Hosting.InProcess;
using Microsoft.Extensions.DependencyInjection;
using ContainmentApi = CredIr.Contracts.V1.Containment;
using EradicationApi = CredIr.Contracts.V1.Eradication;
using IdentificationApi = CredIr.Contracts.V1.Identification;
using RecoveryApi = CredIr.Contracts.V1.Recovery;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>Registers the stand-ins for the four phase services (none is built yet) on one shared fake cloud.</summary>
internal sealed class PhaseStandIns(FakeCloud cloud)
{
    public FakeCloud Cloud { get; } = cloud;

    public StandInContainment Containment { get; } = new(cloud);

    public StandInEradication Eradication { get; } = new(cloud);

    public void Register(IServiceCollection services)
    {
        // The coordinator calls them through the generated clients, in-process, as it calls the real services.
        services.AddSingleton<IdentificationApi.IdentificationBase>(new StandInIdentification());
        services.AddSingleton<ContainmentApi.ContainmentBase>(Containment);
        services.AddSingleton<EradicationApi.EradicationBase>(Eradication);
        services.AddSingleton<RecoveryApi.RecoveryBase>(new StandInRecovery(Cloud));
        services.AddInProcessClient<IdentificationApi.IdentificationBase, IdentificationApi.IdentificationClient>(IdentificationApi.BindService, static i => new(i));
        services.AddInProcessClient<ContainmentApi.ContainmentBase, ContainmentApi.ContainmentClient>(ContainmentApi.BindService, static i => new(i));
        services.AddInProcessClient<EradicationApi.EradicationBase, EradicationApi.EradicationClient>(EradicationApi.BindService, static i => new(i));
        services.AddInProcessClient<RecoveryApi.RecoveryBase, RecoveryApi.RecoveryClient>(RecoveryApi.BindService, static i => new(i));
    }
}
