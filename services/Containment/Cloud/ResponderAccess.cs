using CredIr.Aws;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Cloud;

/// <summary>Opens a responder session for one call: the caller's clients and the organization's accounts.</summary>
internal sealed class ResponderAccess(AwsRuntime runtime, ResponderCredentials responder, IOptions<OrganizationSessionOptions> organization)
{
    public ResponderSession Open(string incidentId, string? responseRoleName)
    {
        var caller = runtime.CreateScope(responder.Credentials);
        var configured = organization.Value;
        var options = new OrganizationSessionOptions
        {
            RoleName = string.IsNullOrEmpty(responseRoleName) ? configured.RoleName : responseRoleName,
            RolePath = configured.RolePath,
            ExternalId = configured.ExternalId,
            SessionDuration = configured.SessionDuration,
            RefreshBefore = configured.RefreshBefore,
            MaxParallelism = configured.MaxParallelism,
        };
        return new ResponderSession(caller, incidentId, options);
    }
}
