using CredIr.Contracts.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>Registers the stand-ins for the four phase services (none is built yet) on one shared fake cloud.</summary>
internal sealed class PhaseStandIns(FakeCloud cloud)
{
    public FakeCloud Cloud { get; } = cloud;

    public StandInContainment Containment { get; } = new(cloud);

    public StandInEradication Eradication { get; } = new(cloud);

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IIdentificationService>(new StandInIdentification());
        services.AddSingleton<IContainmentService>(Containment);
        services.AddSingleton<IEradicationService>(Eradication);
        services.AddSingleton<IRecoveryService>(new StandInRecovery(Cloud));
    }
}
