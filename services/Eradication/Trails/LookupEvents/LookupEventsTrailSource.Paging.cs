using System.Buffers;
using System.Text;
using CredIr.Aws;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Trails.LookupEvents;

public sealed partial class LookupEventsTrailSource
{
    private async Task PageAsync(LookupChain chain, LookupRun run)
    {
        var unit = chain.Unit;
        var cancellationToken = run.CancellationToken;
        var scope = unit.Account.Scope.WithRegion(unit.Region);
        var time = scope.Runtime.Time;
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
                var asked = time.GetTimestamp();
                var page = await scope.CloudTrail.LookupEventsPageAsync(request with { NextToken = chain.Token }, cancellationToken);
                chain.Lane.Observe(time.GetElapsedTime(asked));
                DateTimeOffset? newest = null, oldest = null;
                foreach (var lookedUp in page.Events)
                {
                    var record = Parse(lookedUp.CloudTrailEvent);
                    newest ??= record.EventTime;
                    oldest = record.EventTime;
                    if (chain.Owns(record.EventTime) && run.Query.Filter.Matches(record))
                    {
                        await run.Writer.WriteAsync(new TrailRecordItem(record), cancellationToken);
                    }
                }

                // Newest first: once a record is below the floor, everything this chain owns has been read.
                var crossed = oldest is { } last && last < chain.Floor;
                chain.Token = crossed || string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
                run.Progress.Read(page.Events.Count);
                await run.Writer.WriteAsync(new TrailCheckpointItem(unit.Checkpoint(chain.Token, chain.Token is null)), cancellationToken);
                if (chain.Token is not null && oldest is { } reached)
                {
                    await SplitAsync(chain, reached, (newest ?? unit.End) - reached, run);
                }
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

        await LeaveAsync(chain.Lane, run);
    }

    /// <summary>Hands the older part of what the chain has left to new chains while the account-region has room for them.</summary>
    private async Task SplitAsync(LookupChain chain, DateTimeOffset reached, TimeSpan pageSpan, LookupRun run)
    {
        var room = chain.Lane.Room(options.RequestsPerSecond, Math.Max(1, options.MaxChainsPerAccountRegion));
        var (parts, floor) = LookupSplit.Plan(chain.Floor, reached, pageSpan, room);
        if (parts.Count == 0)
        {
            return;
        }

        var unit = chain.Unit;
        chain.Floor = floor;
        foreach (var (start, end) in parts)
        {
            var child = unit with { Start = start, End = end, LastSegment = false };
            // Checkpointed before it runs: a resumed scan then knows the parent's floor (see LookupResume).
            await run.Writer.WriteAsync(new TrailCheckpointItem(child.Checkpoint(null, done: false)), run.CancellationToken);
            run.Start(new LookupChain(child, chain.Lane, null, start), PageAsync);
        }
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
