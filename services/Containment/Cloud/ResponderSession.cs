using System.Collections.Concurrent;
using CredIr.Aws;

namespace CredIr.Containment.Cloud;

/// <summary>
/// The responder's view of the cloud during one call: its own identity, and clients in any account
/// of the organization (its own account directly, member accounts through the response role).
/// </summary>
internal sealed class ResponderSession : IDisposable
{
    private readonly OrganizationSessions _sessions;
    private readonly string _incidentId;
    private readonly OrganizationSessionOptions _organization;
    private readonly ConcurrentDictionary<string, OrganizationSessions> _reentered = new(StringComparer.Ordinal);

    public ResponderSession(AwsScope caller, string incidentId, OrganizationSessionOptions organization)
    {
        Caller = caller;
        ResponseRoleName = organization.RoleName;
        _incidentId = string.IsNullOrEmpty(incidentId) ? "adhoc" : incidentId;
        _organization = organization;
        _sessions = new OrganizationSessions(caller, _incidentId, organization);
    }

    public AwsScope Caller { get; }

    public string ResponseRoleName { get; }

    /// <summary>Who the responder is, asked once (a failed answer is asked again on the next call).</summary>
    public Task<GetCallerIdentityResponse> IdentityAsync(CancellationToken ct) => _sessions.GetCallerIdentityAsync(ct);

    /// <summary>The access key id the responder signs with (to refuse acting with a compromised one).</summary>
    public async Task<string> AccessKeyIdAsync() => (await Caller.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;

    /// <summary>Clients in an account: the caller's own, or the response role's session in a member account.</summary>
    public async Task<AwsScope> ScopeForAsync(string accountId, CancellationToken ct) =>
        (await (_reentered.TryGetValue(accountId, out var fresh) ? fresh : _sessions).GetSessionAsync(accountId, ct).ConfigureAwait(false)).Scope;

    /// <summary>
    /// Enters a member account again with a new session of the response role, issued after <paramref name="cutOff"/>:
    /// the older-sessions deny just put on the role compares aws:TokenIssueTime, which has whole seconds, so the
    /// session is taken once the clock has passed the cut-off's second. Later calls in the account use it.
    /// </summary>
    public async Task<AwsScope> ReenterAsync(string accountId, DateTimeOffset? cutOff, CancellationToken ct)
    {
        var time = Caller.Runtime.Time;
        if (cutOff is { } before)
        {
            var next = new DateTimeOffset(before.UtcTicks - (before.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
            if (next - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }

        var fresh = new OrganizationSessions(Caller, _incidentId, _organization);
        var scope = (await fresh.GetSessionAsync(accountId, ct).ConfigureAwait(false)).Scope;
        if (_reentered.Remove(accountId, out var old))
        {
            old.Dispose();
        }

        _reentered[accountId] = fresh;
        return scope;
    }

    public void Dispose()
    {
        _sessions.Dispose();
        foreach (var fresh in _reentered.Values)
        {
            fresh.Dispose();
        }
    }
}
