using CredIr.Aws;

namespace CredIr.Containment.Cloud;

/// <summary>
/// The responder's view of the cloud during one call: its own identity, and clients in any account
/// of the organization (its own account directly, member accounts through the response role).
/// </summary>
internal sealed class ResponderSession : IDisposable
{
    private readonly OrganizationSessions _sessions;

    public ResponderSession(AwsScope caller, string incidentId, OrganizationSessionOptions organization)
    {
        Caller = caller;
        ResponseRoleName = organization.RoleName;
        _sessions = new OrganizationSessions(caller, string.IsNullOrEmpty(incidentId) ? "adhoc" : incidentId, organization);
    }

    public AwsScope Caller { get; }

    public string ResponseRoleName { get; }

    /// <summary>Who the responder is, asked once (a failed answer is asked again on the next call).</summary>
    public Task<GetCallerIdentityResponse> IdentityAsync(CancellationToken ct) => _sessions.GetCallerIdentityAsync(ct);

    /// <summary>The access key id the responder signs with (to refuse acting with a compromised one).</summary>
    public async Task<string> AccessKeyIdAsync() => (await Caller.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;

    /// <summary>Clients in an account: the caller's own, or the response role's session in a member account.</summary>
    public async Task<AwsScope> ScopeForAsync(string accountId, CancellationToken ct) =>
        (await _sessions.GetSessionAsync(accountId, ct).ConfigureAwait(false)).Scope;

    public void Dispose() => _sessions.Dispose();
}
