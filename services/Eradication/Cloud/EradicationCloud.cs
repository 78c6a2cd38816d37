using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Cloud;

/// <summary>
/// Opens the organization for one plan or execution, as a scan does: the responder's credentials (the host's
/// <see cref="AwsScope"/>, else the default chain), member accounts entered through the request's response role
/// (else "Aws:Organization:RoleName"), role sessions named for the incident so member accounts' trails show it.
/// </summary>
public sealed class EradicationCloud(AwsScope responder, OrganizationSessionOptions organization)
{
    public CloudSession Open(string incidentId, Scope? scope)
    {
        var options = new OrganizationSessionOptions
        {
            RoleName = string.IsNullOrEmpty(scope?.ResponseRoleName) ? organization.RoleName : scope.ResponseRoleName,
            RolePath = organization.RolePath,
            ExternalId = string.IsNullOrEmpty(scope?.ExternalId) ? organization.ExternalId : scope.ExternalId,
            SessionDuration = organization.SessionDuration,
            RefreshBefore = organization.RefreshBefore,
            MaxParallelism = organization.MaxParallelism,
        };
        return new CloudSession(new OrganizationSessions(responder, string.IsNullOrEmpty(incidentId) ? "eradication" : incidentId, options));
    }
}
