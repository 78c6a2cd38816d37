using System.Buffers;
using System.Text;
using CredIr.Aws;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Trail;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.LookupEvents;

public sealed partial class LookupEventsTrailSource
{
    private async Task PageAsync(LookupChain chain, LookupRun run)
    {
        var unit = chain.Unit;
        var cancellationToken = run.CancellationToken;
        var scope = unit.Account.Scope.WithRegion(unit.Region);
        var request = new LookupEventsRequest
        {
            StartTime = unit.Start,
            EndTime = unit.End,
            MaxResults = 50,
            LookupAttributes = unit.Attribute is { } attribute ? [attribute] : null,
        };
        try
        {
            var pending = CallAsync(scope, request with { NextToken = chain.Token }, chain, run);
            do
            {
                var page = await pending;
                var records = new List<CloudTrailRecord>(page.Events.Count);
                records.AddRange(page.Events.Select(static e => Parse(e.CloudTrailEvent)));
                DateTimeOffset? newest = records.Count > 0 ? records[0].EventTime : null, oldest = records.Count > 0 ? records[^1].EventTime : null;

                // Newest first: once a record is below the floor, everything this chain owns has been read.
                var crossed = oldest is { } last && last < chain.Floor;
                chain.Token = crossed || string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
                var span = (newest ?? unit.End) - (oldest ?? unit.End);
                IReadOnlyList<LookupUnit> splitOff = [];
                if (chain.Token is not null)
                {
                    // AWS may answer a page with no events and a NextToken: nothing to learn the density from.
                    if (oldest is { } reached)
                    {
                        splitOff = Split(chain, reached, span, run);
                        chain.Lane.Estimate(chain, PagesLeft(chain.Floor, reached, span));
                    }

                    // The next page is asked for before this one is handed on: a consumer that is slow, or busy with
                    // every other account-region's records, must not hold back this account-region's request budget.
                    pending = CallAsync(scope, request with { NextToken = chain.Token }, chain, run);
                }

                // The split-off chains are checkpointed before this chain's next checkpoint (which has the raised floor,
                // or says done): a resumed scan finds them, or finds this chain's older checkpoint and reads their part
                // itself. Records may come twice after a crash, never zero times.
                foreach (var child in splitOff)
                {
                    await run.Writer.WriteAsync(new TrailCheckpointItem(child.Checkpoint(null, done: false)), cancellationToken);
                }

                foreach (var record in records)
                {
                    if (chain.Owns(record.EventTime) && run.Query.Filter.Matches(record))
                    {
                        await run.Writer.WriteAsync(new TrailRecordItem(record), cancellationToken);
                    }
                }

                run.Progress.Read(page.Events.Count);
                await run.Writer.WriteAsync(new TrailCheckpointItem(unit.Checkpoint(chain.Token, chain.Token is null)), cancellationToken);
            }
            while (chain.Token is not null);
        }
        catch (Exception e) when (IsUnitFailure(e))
        {
            LookupEventsLog.UnitFailed(logger, unit.Account.AccountId, unit.Region, Code(e));
            await run.Writer.WriteAsync(new TrailGapItem(new TrailGap(unit.Account.AccountId, unit.Region,
                $"LookupEvents failed in account {unit.Account.AccountId} region {unit.Region} for {chain.Floor:O}..{unit.End:O}: {Message(e)}; resume from the checkpoint to retry",
                EventCategories.None, Code(e), UnitFailed: true)), cancellationToken);
        }

        chain.Lane.Estimate(chain, 0);
        await LeaveAsync(chain.Lane, run);
    }

    /// <summary>One page, once the organization-wide gate admits it (the account-region's token bucket is the client's).</summary>
    private async Task<LookupEventsPage> CallAsync(AwsScope scope, LookupEventsRequest request, LookupChain chain, LookupRun run)
    {
        await run.Gate.EnterAsync(chain.Lane.Backlog, run.CancellationToken);
        try
        {
            var time = scope.Runtime.Time;
            var asked = time.GetTimestamp();
            var page = await scope.CloudTrail.LookupEventsPageAsync(request, run.CancellationToken);
            var took = time.GetElapsedTime(asked);
            chain.Lane.Observe(took);
            if (logger.IsEnabled(LogLevel.Trace))
            {
                LookupEventsLog.PageRead(logger, chain.Unit.Account.AccountId, chain.Unit.Region, page.Events.Count, (long)took.TotalMilliseconds, chain.Lane.Active,
                    chain.Unit.Start, chain.Unit.End, page.NextToken is not null);
            }

            return page;
        }
        finally
        {
            run.Gate.Exit();
        }
    }

    private static double PagesLeft(DateTimeOffset floor, DateTimeOffset oldest, TimeSpan pageSpan) =>
        pageSpan > TimeSpan.Zero ? Math.Max(1, (oldest - floor) / pageSpan) : 1;

    /// <summary>Hands the older part of what the chain has left to new chains while the account-region has room for them.</summary>
    /// <remarks>The new chains start at once; the caller checkpoints them (returned) before its own next checkpoint.</remarks>
    private List<LookupUnit> Split(LookupChain chain, DateTimeOffset reached, TimeSpan pageSpan, LookupRun run)
    {
        var room = chain.Lane.Room(options.RequestsPerSecond, Math.Max(1, options.MaxChainsPerAccountRegion));
        var (parts, floor) = LookupSplit.Plan(chain.Floor, reached, pageSpan, room);
        var children = new List<LookupUnit>(parts.Count);
        if (parts.Count == 0)
        {
            return children;
        }

        var unit = chain.Unit;
        chain.Floor = floor;
        foreach (var (start, end) in parts)
        {
            var child = unit with { Start = start, End = end, LastSegment = false };
            children.Add(child);
            run.Start(new LookupChain(child, chain.Lane, null, start) { PagesLeft = PagesLeft(start, end, pageSpan) }, PageAsync);
        }

        return children;
    }

    // The parser copies what it keeps, so the UTF-8 bytes can go back to the pool: no garbage per record.
    private static CloudTrailRecord Parse(string cloudTrailEvent)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(cloudTrailEvent.Length));
        try
        {
            return CloudTrailRecordParser.Parse(buffer.AsSpan(0, Encoding.UTF8.GetBytes(cloudTrailEvent, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task LeaveAsync(LookupLane lane, LookupRun run)
    {
        if (lane.Leave())
        {
            await run.Writer.WriteAsync(new TrailProgressItem(run.Progress.Total, run.Progress.Finish(), run.Progress.Records), run.CancellationToken);
        }
    }
}
