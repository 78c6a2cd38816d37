using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;

namespace CredIr.Incidents.Grains;

internal sealed partial class IncidentGrain
{
    private PlaybookRun? _run;

    public async Task<AdvanceOutcome> AdvanceAsync(string actor, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (Current.Phase == Phase.Closed && _run is null)
        {
            throw new IncidentException(IncidentErrorKind.FailedPrecondition, $"Incident {IncidentId} is closed; there is nothing to advance.");
        }

        var run = _run ??= StartRun(actor);
        run.Join();
        try
        {
            await run.Completion.WaitAsync(wait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            run.Leave(abandoned: false);
            return new AdvanceOutcome(Current, Running: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The last caller waiting for this run went away: an abandoned request must not keep changing the cloud.
            run.Leave(abandoned: true);
            throw;
        }

        run.Leave(abandoned: false);
        return new AdvanceOutcome(Current, Running: false);
    }

    // Runs on the grain's scheduler beside the turns (this method is not awaited by a call), so Get,
    // Approve, AddNote and Close are served while a scan or a verification watch goes on. The
    // activation is kept while it runs: a run is not idle even when no call is waiting for it.
    private PlaybookRun StartRun(string actor)
    {
        var run = new PlaybookRun();
        KeepActive();
        run.Completion = RunAsync(run, actor);
        return run;
    }

    private async Task RunAsync(PlaybookRun run, string actor)
    {
        try
        {
            await Task.Yield();
            await driver.AdvanceAsync(this, actor, run.Token);
        }
        finally
        {
            _run = null;
            run.Dispose();
            ReleaseWhenIdle();
        }
    }

    /// <summary>One run of the playbook and the callers waiting for it.</summary>
    private sealed class PlaybookRun : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private int _waiting;

        public Task Completion { get; set; } = Task.CompletedTask;

        public CancellationToken Token => _stop.Token;

        public void Join() => _waiting++;

        public void Leave(bool abandoned)
        {
            if (--_waiting == 0 && abandoned)
            {
                Stop();
            }
        }

        public void Stop()
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run already ended.
            }
        }

        public void Dispose() => _stop.Dispose();
    }
}
