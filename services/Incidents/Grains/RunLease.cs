namespace CredIr.Incidents.Grains;

/// <summary>
/// A held run claim: renewed every third of its duration on the TimeProvider; <see cref="Lost"/>
/// is cancelled when a renewal finds another holder, so the run stops before touching the cloud again.
/// </summary>
internal sealed class RunLease : IAsyncDisposable
{
    private readonly string _incidentId;
    private readonly RunClaims _claims;
    private readonly CancellationTokenSource _lost = new();
    private readonly ITimer _renewal;
    private int _renewing;
    private Task _inFlight = Task.CompletedTask;

    public RunLease(string incidentId, RunClaims claims, TimeSpan duration, TimeProvider time)
    {
        _incidentId = incidentId;
        _claims = claims;
        var period = duration / 3;
        _renewal = time.CreateTimer(static state => ((RunLease)state!).Renew(), this, period, period);
    }

    public CancellationToken Lost => _lost.Token;

    private void Renew()
    {
        // One renewal at a time: a slow database must not pile them up.
        if (Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        _inFlight = RenewAsync();
    }

    private async Task RenewAsync()
    {
        try
        {
            if (!await _claims.RenewAsync(_incidentId, CancellationToken.None))
            {
                await _lost.CancelAsync();
            }
        }
        catch (System.Data.Common.DbException)
        {
            // The database is unreachable: keep running on the claim until it expires; the next renewal tries again.
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _renewal.DisposeAsync();
        await _inFlight;
        try
        {
            await _claims.ReleaseAsync(_incidentId);
        }
        finally
        {
            _lost.Dispose();
        }
    }
}
