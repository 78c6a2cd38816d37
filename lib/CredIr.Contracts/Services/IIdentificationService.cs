using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Contracts.Services;

/// <summary>
/// The contract of credir.v1.Identification (protos/credir/v1/identification.proto): implemented in-process by the
/// service, or called over the wire through <c>GrpcChannel.CreateClient&lt;IIdentificationService&gt;()</c>.
/// </summary>
[GrpcService("credir.v1.Identification", typeof(IdentificationReflection))]
public interface IIdentificationService
{
    /// <summary>Resolves an input (key id, ARN, finding) to credentials, their owners and the compromise time.</summary>
    Task<IdentifyResponse> IdentifyAsync(IdentifyRequest request, CallContext context);

    /// <summary>Stakeholders from the CMDB for the accounts, tags and applications given.</summary>
    Task<FindStakeholdersResponse> FindStakeholdersAsync(FindStakeholdersRequest request, CallContext context);

    /// <summary>Sends notifications through the configured webhooks (outbox: never lost when a receiver is down).</summary>
    Task<NotifyResponse> NotifyAsync(NotifyRequest request, CallContext context);
}
