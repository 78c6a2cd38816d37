using CredIr.Aws;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Cloud;

/// <summary>Opens a responder session for one call: the caller's clients and the organization's accounts.</summary>
internal sealed class ResponderAccess(AwsRuntime runtime, ResponderCredentials responder, IOptions<OrganizationSessionOptions> organization)
{
    /// <summary>PERMISSION_DENIED for a response role or ExternalId the configuration does not hold (Aws:Organization).</summary>
    public ResponderSession Open(string incidentId, Contracts.V1.Scope? scope)
    {
        var options = organization.Value.ForRequest(scope?.ResponseRoleName, scope?.ExternalId, out var refusal)
            ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.PermissionDenied, refusal));
        return new ResponderSession(runtime.CreateScope(responder.Credentials), incidentId, options);
    }
}
