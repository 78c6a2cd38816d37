using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Cloud;

/// <summary>
/// Opens the organization for one plan or execution, as a scan does: the responder's credentials (the host's
/// <see cref="AwsScope"/>, else the default chain), member accounts entered through the configured response role
/// the request chose by name (else "Aws:Organization:RoleName"), role sessions named for the incident so member accounts' trails show it.
/// </summary>
public sealed class EradicationCloud(AwsScope responder, OrganizationSessionOptions organization)
{
    /// <summary>The access key id the responder signs with (to refuse acting with a compromised one).</summary>
    public async Task<string> ResponderAccessKeyIdAsync() => (await responder.Credentials.GetCredentialsAsync()).AccessKey;

    /// <summary>PERMISSION_DENIED for a response role or ExternalId the configuration does not hold (Aws:Organization).</summary>
    public CloudSession Open(string incidentId, Scope? scope)
    {
        var options = organization.ForRequest(scope?.ResponseRoleName, scope?.ExternalId, out var refusal)
            ?? throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.PermissionDenied, refusal));
        return new CloudSession(new OrganizationSessions(responder, string.IsNullOrEmpty(incidentId) ? "eradication" : incidentId, options));
    }
}
