using CredIr.Aws;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Cloud;

/// <summary>Opens a responder session for one call: the caller's clients and the organization's accounts.</summary>
internal sealed class ResponderAccess(AwsRuntime runtime, ResponderCredentials responder, IOptions<ContainmentServiceOptions> options)
{
    public ResponderSession Open(string incidentId, string? responseRoleName)
    {
        var caller = runtime.CreateScope(responder.Credentials);
        var roleName = string.IsNullOrEmpty(responseRoleName) ? options.Value.ResponseRoleName : responseRoleName;
        return new ResponderSession(caller, incidentId, roleName);
    }
}
