using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CredIr.Aws;
using CredIr.Playbook.Classification;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// CloudTrail LookupEvents across an organization: every account (entered through the response role),
/// every enabled region (always the partition's home region: us-east-1, us-gov-west-1 or cn-north-1,
/// where IAM, global STS and Organizations events are recorded),
/// each account-region's window paged by concurrent chains under that account-region's token bucket, split
/// further while the region is slow and pages remain (see <see cref="LookupSplit"/>). Pages flow through a
/// bounded channel, so memory does not grow with the events. Each page yields a checkpoint (its chain's
/// segment and next token); a failing account or account-region is a gap, not fatal.
/// </summary>
public sealed partial class LookupEventsTrailSource(OrganizationSessions sessions, LookupEventsSourceOptions options, ILogger<LookupEventsTrailSource> logger) : ITrailSource
{
    public TrailSourceKind Kind => TrailSourceKind.LookupEvents;

    public async IAsyncEnumerable<TrailItem> QueryAsync(TrailQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new TrailGapItem(new TrailGap(null, null,
            "CloudTrail LookupEvents holds management events only: data events (S3 GetObject/PutObject, Lambda Invoke, ...) were not visible; scan the trail's log files for them",
            EventCategories.SensitiveDataAccess));

        var channel = Channel.CreateBounded<TrailItem>(new BoundedChannelOptions(Math.Max(1, options.ChannelCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(query, channel.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            await producer;
        }
        finally
        {
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProduceAsync(TrailQuery query, ChannelWriter<TrailItem> writer, CancellationToken cancellationToken)
    {
        try
        {
            var accounts = await EnterAccountsAsync(query, writer, cancellationToken);
            var lanes = new List<(LookupLane Lane, List<(LookupUnit Unit, string? Token, DateTimeOffset Floor)> Chains)>();
            var regionsOf = new IReadOnlyList<string>[accounts.Count];
            await Parallel.ForAsync(0, accounts.Count, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (i, ct) => regionsOf[i] = await RegionsAsync(accounts[i], query, writer, ct));
            for (var i = 0; i < accounts.Count; i++)
            {
                var account = accounts[i];
                foreach (var region in regionsOf[i])
                {
                    var lane = new LookupLane(account.AccountId, region);
                    foreach (var attribute in LookupAttributes.For(query.Filter))
                    {
                        lanes.Add((lane, Chains(account, region, attribute, query)));
                    }
                }
            }

            var distinct = lanes.Select(static l => l.Lane).Distinct().ToList();
            var idle = distinct.Count(lane => !lanes.Exists(l => l.Lane == lane && l.Chains.Count > 0));
            LookupEventsLog.Started(logger, accounts.Count, distinct.Count, idle);
            var run = new LookupRun(query, writer, new Progress(distinct.Count, idle), new LookupGate(options.MaxRequestsInFlight), cancellationToken);
            // Held while the first chains start, so an account-region whose first chain ends early is not reported done.
            distinct.ForEach(static lane => lane.Enter());
            // Round-robin over account-regions, so every bucket is drawn on from the start.
            var rank = 0;
            for (var started = true; started; rank++)
            {
                started = false;
                foreach (var (lane, chains) in lanes)
                {
                    if (rank < chains.Count)
                    {
                        var (unit, token, floor) = chains[rank];
                        run.Start(new LookupChain(unit, lane, token, floor), PageAsync);
                        started = true;
                    }
                }
            }

            foreach (var lane in distinct)
            {
                await LeaveAsync(lane, run);
            }

            await run.CompleteAsync();
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>The first segments of an account-region and attribute, or what is left of them in the checkpoints.</summary>
    private List<(LookupUnit, string?, DateTimeOffset)> Chains(AccountSession account, string region, LookupAttribute? attribute, TrailQuery query)
    {
        var segments = Math.Max(1, options.SegmentsPerUnit);
        var width = (query.Until - query.Since) / segments;
        LookupUnit UnitFor(DateTimeOffset start, DateTimeOffset end) => new(account, region, attribute, start, end, end == query.Until);
        var first = new List<LookupUnit>(segments);
        for (var i = 0; i < segments; i++)
        {
            first.Add(UnitFor(query.Since + (width * i), i == segments - 1 ? query.Until : query.Since + (width * (i + 1))));
        }

        var value = attribute?.AttributeValue;
        var resumed = query.ResumeFrom.Where(c => c.AccountId == account.AccountId && c.Region == region && string.Equals(c.Attribute, value, StringComparison.Ordinal)).ToList();
        return [.. LookupResume.Plan(first, resumed, UnitFor)];
    }

    private async Task<List<AccountSession>> EnterAccountsAsync(TrailQuery query, ChannelWriter<TrailItem> writer, CancellationToken cancellationToken)
    {
        if (query.Accounts.Count == 0)
        {
            var report = await sessions.EnterAllAsync(cancellationToken);
            foreach (var failure in report.NotEntered)
            {
                await writer.WriteAsync(AccountGap(failure.AccountId, failure.Code, failure.Message), cancellationToken);
            }

            return [.. report.Entered];
        }

        var entered = new List<AccountSession>();
        foreach (var account in query.Accounts.Distinct(StringComparer.Ordinal))
        {
            try
            {
                entered.Add(await sessions.GetSessionAsync(account, cancellationToken));
            }
            catch (Exception e) when (IsUnitFailure(e))
            {
                await writer.WriteAsync(AccountGap(account, Code(e), Message(e)), cancellationToken);
            }
        }

        return entered;
    }

    private static async Task<IReadOnlyList<string>> RegionsAsync(AccountSession account, TrailQuery query, ChannelWriter<TrailItem> writer, CancellationToken cancellationToken)
    {
        // Global services (IAM, STS's global endpoint, Organizations) record in the partition's home
        // region whatever the scope; the account's session knows its partition.
        var home = account.Scope.GlobalEventsRegion;
        IReadOnlyList<string> regions = query.Regions;
        if (regions.Count == 0)
        {
            try
            {
                regions = await OrganizationSessions.GetEnabledRegionsAsync(account, cancellationToken);
            }
            catch (Exception e) when (IsUnitFailure(e))
            {
                await writer.WriteAsync(new TrailGapItem(new TrailGap(account.AccountId, null,
                    $"the enabled regions of account {account.AccountId} could not be listed ({Message(e)}); only {home} was scanned",
                    EventCategories.None, Code(e), UnitFailed: true)), cancellationToken);
                regions = [];
            }
        }

        return regions.Contains(home, StringComparer.Ordinal) ? regions : [.. regions, home];
    }

    private static TrailGapItem AccountGap(string accountId, string code, string message) =>
        new(new TrailGap(accountId, null, $"account {accountId} could not be entered: {message}", EventCategories.None, code, UnitFailed: true));

    private static bool IsUnitFailure(Exception e) =>
        e is AwsServiceException or HttpRequestException or IOException or TimeoutException or Polly.Timeout.TimeoutRejectedException;

    private static string Code(Exception e) => e is AwsServiceException aws ? aws.Code : e.GetType().Name;

    private static string Message(Exception e) => e is AwsServiceException aws ? aws.ErrorMessage : e.Message;
}
