using CredIr.Hosting;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// Identification as far as the coordinator needs it to reach a containment approval: the input key
/// is one active IAM user key; nobody to notify. The real service needs AWS (or the sandbox).
/// </summary>
internal sealed class OneKeyIdentification : CredIr.Contracts.V1.Identification.IdentificationBase
{
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
        AccountIds = { "111122223333" },
    });

    public override Task<FindStakeholdersResponse> FindStakeholders(FindStakeholdersRequest request, ServerCallContext context) =>
        Task.FromResult(new FindStakeholdersResponse());

    public override Task<NotifyResponse> Notify(NotifyRequest request, ServerCallContext context) => Task.FromResult(new NotifyResponse());
}
