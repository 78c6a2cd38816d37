using CredIr.Hosting;
using CredIr.Contracts.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>A stand-in for the Identification service, which is not built yet (coordinator unit tests only).</summary>
internal sealed class StandInIdentification : CredIr.Contracts.V1.Identification.IdentificationBase
{
    public static readonly DateTimeOffset FirstSeen = new(2026, 2, 28, 22, 15, 0, TimeSpan.Zero);

    public override Task<IdentifyResponse> Identify(IdentifyRequest request, ServerCallContext context) => Task.FromResult(new IdentifyResponse
    {
        InputKind = InputKind.AccessKeyId,
        Credentials =
        {
            new Credential
            {
                AccessKeyId = request.Input.AccessKeyId,
                Kind = CredentialKind.AccessKey,
                AccountId = "111122223333",
                UserName = "ci-deployer",
                PrincipalArn = "arn:aws:iam::111122223333:user/ci-deployer",
                Status = "Active",
                Provenance = new Provenance(),
            },
        },
        CompromiseWindow = new CompromiseWindow
        {
            Start = Timestamp.FromDateTimeOffset(FirstSeen),
            Basis = CompromiseTimeBasis.FirstSuspiciousUse,
            Explanation = "first call from 203.0.113.7",
        },
        AccountIds = { "111122223333" },
        Evidence = { new EvidenceItem { Source = "sts:GetAccessKeyInfo", Summary = "key belongs to 111122223333", RawJson = "{\"Account\":\"111122223333\"}" } },
    });

    public override Task<FindStakeholdersResponse> FindStakeholders(FindStakeholdersRequest request, ServerCallContext context) => Task.FromResult(new FindStakeholdersResponse
    {
        Stakeholders = { new Stakeholder { Name = "Payments team", Kind = StakeholderKind.ApplicationOwner, Contact = "payments@example.com" } },
        Communications = { new CommunicationItem { ItemId = "legal", Kind = CommunicationKind.Legal, Description = "Tell legal about possible data access" } },
    });

    public override Task<NotifyResponse> Notify(NotifyRequest request, ServerCallContext context) => Task.FromResult(new NotifyResponse
    {
        Notifications = { request.Recipients.Select(r => new Notification { NotificationId = $"{request.RequestId}/{r.Contact}", Target = r.Contact, Subject = request.Subject, Status = NotificationStatus.Delivered, Attempts = 1 }) },
    });
}
