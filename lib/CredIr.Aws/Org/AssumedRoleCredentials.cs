using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>
/// Credentials of an assumed role that renew themselves shortly before they expire, on the
/// runtime's clock; concurrent callers share one AssumeRole call.
/// </summary>
public sealed class AssumedRoleCredentials : AWSCredentials, IDisposable
{
    private readonly StsClient _sts;
    private readonly AssumeRoleRequest _request;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>Creates credentials that assume <paramref name="request"/> through <paramref name="sts"/> when first asked.</summary>
    public AssumedRoleCredentials(StsClient sts, AssumeRoleRequest request, TimeProvider time, TimeSpan refreshBefore)
    {
        _sts = sts;
        _request = request;
        _time = time;
        _refreshBefore = refreshBefore;
    }

    /// <summary>The role assumed.</summary>
    public string RoleArn => _request.RoleArn;

    /// <summary>When the current session expires (null before the first AssumeRole).</summary>
    public DateTimeOffset? SessionExpiration => _current?.Expiration;

    /// <summary>Assumes the role now if the session is missing or about to expire; throws the AssumeRole error.</summary>
    public async Task<ImmutableCredentials> RefreshIfNeededAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (IsFresh(current))
        {
            return current!.Credentials;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _current;
            if (IsFresh(current))
            {
                return current!.Credentials;
            }

            var response = await _sts.AssumeRoleAsync(_request, cancellationToken).ConfigureAwait(false);
            var c = response.Credentials;
            current = new Snapshot(new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken), c.Expiration);
            _current = current;
            return current.Credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets the session <paramref name="used"/> if it is still the current one, so the next call assumes the role
    /// again: a session issued before someone revoked the role's older sessions stays denied until it expires.
    /// </summary>
    public void Forget(ImmutableCredentials used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var current = _current;
        if (current is not null && string.Equals(current.Credentials.AccessKey, used.AccessKey, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    /// <inheritdoc />
    public override Task<ImmutableCredentials> GetCredentialsAsync() => RefreshIfNeededAsync(CancellationToken.None);

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials() => RefreshIfNeededAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"AssumedRoleCredentials {{ RoleArn = {RoleArn}, Expiration = {SessionExpiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";

    private bool IsFresh(Snapshot? snapshot) => snapshot is not null && _time.GetUtcNow() < snapshot.Expiration - _refreshBefore;

    private sealed record Snapshot(ImmutableCredentials Credentials, DateTimeOffset Expiration);
}
