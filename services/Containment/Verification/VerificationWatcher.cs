using System.Runtime.CompilerServices;
using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Containment.Planning;
using CredIr.Contracts.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Verification;

/// <summary>
/// Watches CloudTrail for the contained credentials: every poll reads each account-region from the
/// containment time (re-reading the delivery-delay allowance, since CloudTrail delivers late), reports
/// each new use once, then waits on the clock; at the end of the window plus the allowance, a verdict.
/// </summary>
internal sealed class VerificationWatcher(ResponderAccess access, IOptions<ContainmentServiceOptions> options, TimeProvider time, ILogger<VerificationWatcher> logger)
{
    public async IAsyncEnumerable<VerificationUpdate> WatchAsync(VerifyContainmentRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var targets = RequestValidator.Validate(request.Credentials);
        if (request.ContainedAt is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "contained_at: the time containment took effect is required."));
        }

        var settings = options.Value;
        var window = Positive(request.Window, "window") ?? settings.VerificationWindow;
        var poll = Positive(request.PollInterval, "poll_interval") ?? settings.VerificationPollInterval;
        var delay = request.DeliveryDelay is { } d ? d.ToTimeSpan() : settings.VerificationDeliveryDelay;
        if (delay < TimeSpan.Zero || poll <= TimeSpan.Zero)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "delivery_delay must not be negative and poll_interval must be positive."));
        }

        var containedAt = request.ContainedAt.ToDateTimeOffset();
        var end = containedAt + window + delay;
        using var responder = access.Open(request.IncidentId, request.Scope);
        var state = new WatchState();
        var watches = await WatchTargets.BuildAsync(targets, request.Scope, responder, state, ct).ConfigureAwait(false);
        foreach (var gap in state.TakeNewGaps())
        {
            yield return new VerificationUpdate { Gap = gap };
        }

        var checkedUntil = containedAt;
        while (true)
        {
            var now = time.GetUtcNow();
            var from = checkedUntil - delay > containedAt ? checkedUntil - delay : containedAt;
            foreach (var watch in watches)
            {
                foreach (var use in await PollAsync(watch, responder, state, from, now, containedAt, request.IncidentId, ct).ConfigureAwait(false))
                {
                    yield return new VerificationUpdate { Use = use };
                }

                foreach (var gap in state.TakeNewGaps())
                {
                    yield return new VerificationUpdate { Gap = gap };
                }
            }

            checkedUntil = now;
            yield return new VerificationUpdate
            {
                Progress = new VerificationProgress { CheckedUntil = Timestamp.FromDateTimeOffset(now), UsesSeen = state.Allowed + state.Denied },
            };
            if (now >= end)
            {
                break;
            }

            var wait = end - now < poll ? end - now : poll;
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }

        var result = state.Result(window, delay);
        ContainmentLog.Verified(logger, request.IncidentId, result.Verdict, result.UsesAllowed, result.UsesDenied);
        yield return new VerificationUpdate { Result = result };
    }

    private async Task<List<TrailEvent>> PollAsync(WatchTarget watch, ResponderSession responder, WatchState state, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset containedAt, string incidentId, CancellationToken ct)
    {
        var uses = new List<TrailEvent>();
        if (state.IsUnreadable(watch.AccountId, watch.Region))
        {
            return uses;
        }

        try
        {
            var scope = (await responder.ScopeForAsync(watch.AccountId, ct).ConfigureAwait(false)).WithRegion(watch.Region);
            foreach (var lookup in watch.Lookups)
            {
                var request = new LookupEventsRequest { LookupAttributes = [lookup], StartTime = from, EndTime = to };
                await foreach (var record in scope.CloudTrail.LookupEventsAsync(request, ct).ConfigureAwait(false))
                {
                    if (record.EventTime >= containedAt && state.FirstTime(record.EventId))
                    {
                        var use = TrailEventMapper.Map(record, watch.AccountId, watch.Region);
                        state.Count(use);
                        uses.Add(use);
                    }
                }
            }
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e) && !ct.IsCancellationRequested)
        {
            var code = (e as AwsServiceException)?.Code ?? e.GetType().Name;
            ContainmentLog.VerificationGap(logger, incidentId, watch.AccountId, watch.Region, code);
            state.Unreadable(watch.AccountId, watch.Region, $"CloudTrail could not be read: {Execution.ContainmentExecutor.Describe(e)}", code);
        }

        return uses;
    }

    private static TimeSpan? Positive(Duration? duration, string field)
    {
        if (duration is null)
        {
            return null;
        }

        var span = duration.ToTimeSpan();
        return span > TimeSpan.Zero ? span : throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: must be positive, not {span}."));
    }
}
