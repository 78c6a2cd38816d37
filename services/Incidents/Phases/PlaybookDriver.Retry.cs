using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>
    /// A phase service failed. A failure that passes by itself (the service unavailable or throttled, a call out of
    /// time) is retried with backoff by the incident grain's reminder, on whichever node holds the incident then;
    /// any other failure, or one retried too often, waits for a responder to fix the cause and advance.
    /// </summary>
    private async Task FailAsync(IIncidentSession session, Phase phase, RpcException exception, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var name = PhaseNames.Of(phase);
        var error = $"{exception.Status}: {exception.Message}";
        var attempt = (session.Current.Retry is { } previous && previous.Phase == phase ? previous.Attempt : 0) + 1;
        if (!Passes(exception.StatusCode) || attempt > settings.PhaseRetryAttempts)
        {
            var waitingFor = attempt > settings.PhaseRetryAttempts && settings.PhaseRetryAttempts > 0
                ? $"retry advance once the {name} phase service answers ({settings.PhaseRetryAttempts} automatic retries failed)"
                : $"retry advance once the {name} phase service answers";
            await session.CommitAsync(null, "waiting", $"waiting for {waitingFor}", incident =>
            {
                if (incident.WaitingFor == waitingFor && incident.LastError == error && incident.Retry is null)
                {
                    return false;
                }

                incident.WaitingFor = waitingFor;
                incident.LastError = error;
                incident.Retry = null;
                return true;
            }, cancellationToken);
            return;
        }

        var delay = Backoff(settings.PhaseRetryDelay, settings.PhaseRetryMaxDelay, attempt);
        var next = session.Now + delay;
        var what = $"the {name} phase failed ({exception.StatusCode}); automatic retry {attempt} of {settings.PhaseRetryAttempts} at {next:O}";
        await session.CommitAsync(null, "retry", what, incident =>
        {
            incident.Retry = new PhaseRetry { Phase = phase, Attempt = attempt, NextAt = Timestamp.FromDateTimeOffset(next), Reason = error };
            incident.WaitingFor = $"an automatic retry of the {name} phase at {next:HH:mm:ss} UTC (retry {attempt} of {settings.PhaseRetryAttempts}), or an advance";
            incident.LastError = error;
            IncidentWorkflow.AddTimeline(incident, session.Now, "system", what);
            return true;
        }, cancellationToken);
    }

    /// <summary>The run got past the failure it retried (or waits for something else now): no retry is due any more.</summary>
    private static async Task RecoveredFromFailureAsync(IIncidentSession session, CancellationToken cancellationToken)
    {
        if (session.Current.Retry is not { } retry)
        {
            return;
        }

        var what = $"the {PhaseNames.Of(retry.Phase)} phase answered again after {retry.Attempt} automatic retr{(retry.Attempt == 1 ? "y" : "ies")}";
        await session.CommitAsync(null, "retry", what, incident =>
        {
            incident.Retry = null;
            IncidentWorkflow.AddTimeline(incident, session.Now, "system", what);
            return true;
        }, cancellationToken);
    }

    // Statuses a later call may not get: the service down or restarting, throttled, out of time, or a conflict it resolves.
    private static bool Passes(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.DeadlineExceeded or StatusCode.Aborted;

    /// <summary>first, 2 x first, 4 x first ... at most <paramref name="max"/>.</summary>
    internal static TimeSpan Backoff(TimeSpan first, TimeSpan max, int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = first * factor;
        return delay < max ? delay : max;
    }
}
