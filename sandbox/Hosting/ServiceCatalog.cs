using CredIr.Sandbox.Services.Athena;
using CredIr.Sandbox.Services.CloudTrail;
using CredIr.Sandbox.Services.Ec2;
using CredIr.Sandbox.Services.GuardDuty;
using CredIr.Sandbox.Services.Iam;
using CredIr.Sandbox.Services.Lambda;
using CredIr.Sandbox.Services.Organizations;
using CredIr.Sandbox.Services.S3;
using CredIr.Sandbox.Services.Sts;

namespace CredIr.Sandbox.Hosting;

/// <summary>Every service the sandbox serves.</summary>
internal static class ServiceCatalog
{
    public static IReadOnlyList<ISandboxService> Create(SandboxTrail trail, LookupThrottle throttle, PageToken tokens, FaultInjector faults, SandboxAthena athena) =>
    [
        new IamService(),
        new StsService(),
        new Ec2Service(),
        new CloudTrailService(new LookupEvents(trail, throttle, tokens, faults)),
        new OrganizationsService(),
        new LambdaService(),
        new GuardDutyService(),
        new S3Service(),
        new AthenaService(athena),
    ];
}
