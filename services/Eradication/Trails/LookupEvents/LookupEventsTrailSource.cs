using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using CredIr.Aws;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Trail;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// CloudTrail LookupEvents across an organization: every account (entered through the response role),
/// every enabled region (us-east-1 always, where IAM, global STS and Organizations events are recorded),
/// each account-region's window split into segments paged concurrently under that account-region's
/// token bucket. Pages flow through a bounded channel, so memory does not grow with the events. Each page
/// yields a checkpoint (its chain's next token); a failing account or account-region is a gap, not fatal.
/// </summary>
public sealed class LookupEventsTrailSource(OrganizationSessions sessions, LookupEventsSourceOptions options, ILogger<LookupEventsTrailSource> logger) : ITrailSource
{
    private const string GlobalRegion = "us-east-1";

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
            var resume = query.ResumeFrom.ToDictionary(static c => c.Unit, StringComparer.Ordinal);
            var accounts = await EnterAccountsAsync(query, writer, cancellationToken);
            var units = new List<LookupUnit>();
            foreach (var account in accounts)
            {
                foreach (var region in await RegionsAsync(account, query, writer, cancellationToken))
                {
                    units.AddRange(Units(account, region, query));
                }
            }

            var pending = units.Where(u => !(resume.TryGetValue(u.Id, out var c) && c.Done)).ToList();
            LookupEventsLog.Started(logger, accounts.Count, units.Count, units.Count - pending.Count);
            var progress = new Progress(units.Count, units.Count - pending.Count);

            // Round-robin over account-regions, so every bucket is drawn on from the start.
            var ordered = pending
                .Select((u, i) => (u, i))
                .GroupBy(static p => (p.u.Account.AccountId, p.u.Region))
                .SelectMany(static g => g.Select((p, rank) => (p.u, rank)))
                .OrderBy(static p => p.rank)
                .Select(static p => p.u);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentChains), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(ordered, parallel, (unit, ct) =>
                new ValueTask(PageAsync(unit, resume.GetValueOrDefault(unit.Id)?.NextToken, query, writer, progress, ct)));
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
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
                    $"the enabled regions of account {account.AccountId} could not be listed ({Message(e)}); only {GlobalRegion} was scanned",
                    EventCategories.None, Code(e), UnitFailed: true)), cancellationToken);
                regions = [];
            }
        }

        // Global services (IAM, STS's global endpoint, Organizations) record in us-east-1 whatever the scope.
        return regions.Contains(GlobalRegion, StringComparer.Ordinal) ? regions : [.. regions, GlobalRegion];
    }

    private IEnumerable<LookupUnit> Units(AccountSession account, string region, TrailQuery query)
    {
        var segments = Math.Max(1, options.SegmentsPerUnit);
        var width = (query.Until - query.Since) / segments;
        foreach (var attribute in LookupAttributes.For(query.Filter))
        {
            for (var i = 0; i < segments; i++)
            {
                var start = query.Since + (width * i);
                var end = i == segments - 1 ? query.Until : query.Since + (width * (i + 1));
                yield return new LookupUnit(account, region, attribute, start, end, i == segments - 1);
            }
        }
    }

    private async Task PageAsync(LookupUnit unit, string? token, TrailQuery query, ChannelWriter<TrailItem> writer, Progress progress, CancellationToken cancellationToken)
    {
        var client = unit.Account.Scope.WithRegion(unit.Region).CloudTrail;
        var request = new LookupEventsRequest
        {
            StartTime = unit.Start,
            EndTime = unit.End,
            MaxResults = 50,
            LookupAttributes = unit.Attribute is { } attribute ? [attribute] : null,
        };
        try
        {
            do
            {
                var page = await client.LookupEventsPageAsync(request with { NextToken = token }, cancellationToken);
                foreach (var lookedUp in page.Events)
                {
                    var record = CloudTrailRecordParser.Parse(Encoding.UTF8.GetBytes(lookedUp.CloudTrailEvent));
                    // Segments meet at one instant: it belongs to the later one, so nothing is read twice.
                    var inSegment = record.EventTime >= unit.Start && (record.EventTime < unit.End || (unit.LastSegment && record.EventTime <= unit.End));
                    if (inSegment && query.Filter.Matches(record))
                    {
                        await writer.WriteAsync(new TrailRecordItem(record), cancellationToken);
                    }
                }

                token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
                var read = progress.Read(page.Events.Count);
                await writer.WriteAsync(new TrailCheckpointItem(unit.Checkpoint(token, token is null)), cancellationToken);
                if (token is null)
                {
                    await writer.WriteAsync(new TrailProgressItem(progress.Total, progress.Finish(), read), cancellationToken);
                }
            }
            while (token is not null);
        }
        catch (Exception e) when (IsUnitFailure(e))
        {
            LookupEventsLog.UnitFailed(logger, unit.Account.AccountId, unit.Region, Code(e));
            await writer.WriteAsync(new TrailGapItem(new TrailGap(unit.Account.AccountId, unit.Region,
                $"LookupEvents failed in account {unit.Account.AccountId} region {unit.Region} for {unit.Start:O}..{unit.End:O}: {Message(e)}; resume from the checkpoint to retry",
                EventCategories.None, Code(e), UnitFailed: true)), cancellationToken);
        }
    }

    private static TrailGapItem AccountGap(string accountId, string code, string message) =>
        new(new TrailGap(accountId, null, $"account {accountId} could not be entered: {message}", EventCategories.None, code, UnitFailed: true));

    private static bool IsUnitFailure(Exception e) =>
        e is AwsServiceException or HttpRequestException or IOException or TimeoutException or Polly.Timeout.TimeoutRejectedException;

    private static string Code(Exception e) => e is AwsServiceException aws ? aws.Code : e.GetType().Name;

    private static string Message(Exception e) => e is AwsServiceException aws ? aws.ErrorMessage : e.Message;
}
