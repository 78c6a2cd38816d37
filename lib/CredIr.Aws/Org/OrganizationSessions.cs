using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CredIr.Aws;

/// <summary>
/// Sessions in every account of an organization, from the management (or delegated-admin)
/// account's credentials: member accounts are entered by assuming the response role, the
/// caller's own account with the caller's credentials. Sessions are cached and renew themselves
/// before expiry; entering an account happens once however many callers ask at the same time;
/// an account that cannot be entered is reported with the reason, the others carry on.
/// </summary>
public sealed class OrganizationSessions : IDisposable
{
    private readonly AwsScope _caller;
    private readonly OrganizationSessionOptions _options;
    private readonly string _sessionName;
    private readonly ConcurrentDictionary<string, Lazy<Task<AccountSession>>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AssumedRoleCredentials> _credentials = new(StringComparer.Ordinal);
    private readonly Lock _callerGate = new();
    private Task<GetCallerIdentityResponse>? _callerIdentity;

    /// <summary>Creates the sessions for one incident; nothing is called until an account is asked for.</summary>
    public OrganizationSessions(AwsScope caller, string incidentId, OrganizationSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(incidentId);
        _caller = caller;
        _options = options ?? new OrganizationSessionOptions();
        _sessionName = SessionNames.ForIncident(incidentId);
    }

    /// <summary>The role session name used in member accounts (what their CloudTrail shows).</summary>
    public string SessionName => _sessionName;

    /// <summary>The caller's own account id.</summary>
    public async Task<string> GetCallerAccountIdAsync(CancellationToken cancellationToken = default) =>
        (await GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false)).Account;

    /// <summary>Who the caller is (GetCallerIdentity, asked once; a failed answer is asked again on the next call).</summary>
    public Task<GetCallerIdentityResponse> GetCallerIdentityAsync(CancellationToken cancellationToken = default) =>
        CallerIdentityAsync().WaitAsync(cancellationToken);

    /// <summary>Lists the organization's accounts and enters every active one, in parallel.</summary>
    public async Task<OrganizationAccessReport> EnterAllAsync(CancellationToken cancellationToken = default)
    {
        var accounts = new List<OrganizationAccount>();
        await foreach (var account in _caller.Organizations.ListAccountsAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(account);
        }

        var entered = new ConcurrentBag<AccountSession>();
        var failed = new ConcurrentBag<AccountAccessFailure>();
        foreach (var suspended in accounts.Where(static a => !string.Equals(a.Status, "ACTIVE", StringComparison.Ordinal)))
        {
            failed.Add(new AccountAccessFailure(suspended.Id, suspended.Name, "AccountSuspended", $"The account is {suspended.Status}; it cannot be entered."));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(accounts.Where(static a => string.Equals(a.Status, "ACTIVE", StringComparison.Ordinal)), parallel, async (account, ct) =>
        {
            try
            {
                entered.Add(await GetSessionAsync(account.Id, account.Name, ct).ConfigureAwait(false));
            }
            catch (AwsServiceException ex)
            {
                failed.Add(new AccountAccessFailure(account.Id, account.Name, ex.Code, ex.ErrorMessage));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
            {
                failed.Add(new AccountAccessFailure(account.Id, account.Name, ex.GetType().Name, ex.Message));
            }
        }).ConfigureAwait(false);

        return new OrganizationAccessReport(
            entered.OrderBy(static s => s.AccountId, StringComparer.Ordinal).ToList(),
            failed.OrderBy(static f => f.AccountId, StringComparer.Ordinal).ToList());
    }

    /// <summary>The session in one account, entering it on first use (throws the AssumeRole error when it cannot be entered).</summary>
    public Task<AccountSession> GetSessionAsync(string accountId, CancellationToken cancellationToken = default) =>
        GetSessionAsync(accountId, null, cancellationToken);

    /// <summary>The regions enabled in an account (EC2 DescribeRegions lists only those unless asked for all).</summary>
    public static async Task<IReadOnlyList<string>> GetEnabledRegionsAsync(AccountSession session, CancellationToken cancellationToken = default)
    {
        var response = await session.Scope.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest(), cancellationToken).ConfigureAwait(false);
        return response.Regions
            .Where(static r => !string.Equals(r.OptInStatus, "not-opted-in", StringComparison.Ordinal))
            .Select(static r => r.RegionName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var credentials in _credentials.Values)
        {
            credentials.Dispose();
        }
    }

    private async Task<AccountSession> GetSessionAsync(string accountId, string? accountName, CancellationToken cancellationToken)
    {
        var entry = _sessions.GetOrAdd(accountId, id => new Lazy<Task<AccountSession>>(() => EnterAsync(id, accountName)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // A failure is not cached: the next caller tries again (the role may have been fixed).
            _sessions.TryRemove(KeyValuePair.Create(accountId, entry));
            throw;
        }
    }

    // Who the caller is, asked once and shared; a failed or cancelled answer is not kept, so one
    // transient error (a throttle, a 5xx after the retries) does not disable every later call.
    // Shared by every waiter, so no single caller's token may cancel it.
    private Task<GetCallerIdentityResponse> CallerIdentityAsync()
    {
        lock (_callerGate)
        {
            if (_callerIdentity is null || _callerIdentity.IsFaulted || _callerIdentity.IsCanceled)
            {
                _callerIdentity = _caller.Sts.GetCallerIdentityAsync(CancellationToken.None);
            }

            return _callerIdentity;
        }
    }

    // Shared by every caller waiting for the account, so no single caller's token may cancel it.
    private async Task<AccountSession> EnterAsync(string accountId, string? accountName)
    {
        var runtime = _caller.Runtime;
        var caller = await CallerIdentityAsync().ConfigureAwait(false);
        if (string.Equals(accountId, caller.Account, StringComparison.Ordinal))
        {
            return new AccountSession(accountId, accountName, runtime.CreateScope(_caller.Credentials, _caller.Region, accountId), null);
        }

        // The member's role is in the caller's partition (from its ARN): an organization never spans partitions.
        var roleArn = Arn.ForRole(AwsPartition.FromArn(caller.Arn), accountId, _options.RoleName, _options.RolePath).ToString();
        var request = new AssumeRoleRequest(roleArn, _sessionName)
        {
            ExternalId = _options.ExternalId,
            DurationSeconds = (int)_options.SessionDuration.TotalSeconds,
        };
        var credentials = _credentials.GetOrAdd(accountId, _ => new AssumedRoleCredentials(_caller.Sts, request, runtime.Time, _options.RefreshBefore));
        try
        {
            await credentials.RefreshIfNeededAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (AwsServiceException ex)
        {
            AwsLog.AccountNotEntered(runtime.Logger, accountId, roleArn, ex.Code);
            throw;
        }

        var expiration = credentials.SessionExpiration ?? runtime.Time.GetUtcNow();
        AwsLog.EnteredAccount(runtime.Logger, accountId, roleArn, _sessionName, expiration);
        return new AccountSession(accountId, accountName, runtime.CreateScope(credentials, _caller.Region, accountId), roleArn);
    }
}
