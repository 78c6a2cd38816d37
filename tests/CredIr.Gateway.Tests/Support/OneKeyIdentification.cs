using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// Identification as far as the coordinator needs it to reach a containment approval: the input key
/// is one active IAM user key; nobody to notify. The real service needs AWS (or the sandbox).
/// </summary>
internal sealed class OneKeyIdentification : IIdentificationService
{
    public Task<IdentifyResponse> IdentifyAsync(IdentifyRequest request, CallContext context) => Task.FromResult(new IdentifyResponse
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

    public Task<FindStakeholdersResponse> FindStakeholdersAsync(FindStakeholdersRequest request, CallContext context) =>
        Task.FromResult(new FindStakeholdersResponse());

    public Task<NotifyResponse> NotifyAsync(NotifyRequest request, CallContext context) => Task.FromResult(new NotifyResponse());
}
