using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CredIr.Aws;
using CredIr.Playbook.Classification;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.Athena;

/// <summary>
/// Athena over the organization trail in S3: one query per closure round (every credential of the round in one
/// WHERE, pruned by the account, region and day partitions), polled until it ends, its results paged and turned
/// back into CloudTrail records. The table is created first when asked. A failed, cancelled or timed-out query is
/// a failed unit (a gap), never an exception; each query reports the bytes it scanned.
/// </summary>
public sealed class AthenaTrailSource(AwsScope scope, AthenaTarget target, AthenaSourceOptions options, TimeProvider time, ILogger<AthenaTrailSource> logger) : ITrailSource
{
    private const string CoverageReason =
        "Athena reads what the organization trail delivered to S3: management and data events (S3 object reads, Lambda invocations) " +
        "when the trail records them, past LookupEvents' 90 days, for the accounts, regions and days its partitions hold";

    private readonly AthenaClient _athena = scope.WithRegion(target.Region ?? scope.Region).Athena;
    private bool _tableReady = !target.CreateTable;

    public TrailSourceKind Kind => TrailSourceKind.Athena;

    public async IAsyncEnumerable<TrailItem> QueryAsync(TrailQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new TrailGapItem(new TrailGap(null, null, CoverageReason, EventCategories.None));
        if (!_tableReady)
        {
            var failure = await CreateTableAsync(cancellationToken);
            if (failure is not null)
            {
                yield return new TrailGapItem(new TrailGap(null, null, $"the Athena table {target.Database}.{target.Table} could not be created: {failure}", EventCategories.None, "CreateTableFailed", UnitFailed: true));
                yield break;
            }

            _tableReady = true;
        }

        var sql = AthenaSql.Select(target, query);
        var unit = "athena:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16];
        if (query.ResumeFrom.Any(c => c.Done && c.Unit == unit))
        {
            yield break;
        }

        var outcome = await RunAsync(sql, cancellationToken);
        yield return new TrailCostItem(1, outcome.Execution?.DataScannedInBytes ?? 0);
        if (outcome.Failure is { } reason)
        {
            AthenaTrailSourceLog.QueryFailed(logger, outcome.Execution?.QueryExecutionId ?? "-", outcome.Code);
            yield return new TrailGapItem(new TrailGap(null, null, $"the Athena query {outcome.Execution?.QueryExecutionId} ended {outcome.Code}: {reason}", EventCategories.None, outcome.Code, UnitFailed: true));
            yield return new TrailProgressItem(1, 1, 0);
            yield break;
        }

        var id = outcome.Execution!.QueryExecutionId;
        long rows = 0;
        AthenaRecord? mapper = null;
        var pages = _athena.GetQueryResultsAsync(new GetQueryResultsRequest(id, Math.Clamp(options.PageSize, 1, 1000)), cancellationToken);
        await foreach (var page in pages)
        {
            var first = mapper is null;
            mapper ??= new AthenaRecord(page.Columns);
            // The first row of the first page repeats the column names, as Athena answers a SELECT.
            foreach (var row in first ? page.Rows.Skip(1) : page.Rows)
            {
                rows++;
                var record = mapper.Parse(row);
                if (query.InScope(record.AccountId, record.AwsRegion, record.EventTime) && query.Filter.Matches(record))
                {
                    yield return new TrailRecordItem(record);
                }
            }
        }

        AthenaTrailSourceLog.QueryRead(logger, id, rows, outcome.Execution.DataScannedInBytes ?? 0);
        yield return new TrailCheckpointItem(new TrailCheckpoint(unit, null, null, query.Since, query.Until, id, Done: true));
        yield return new TrailProgressItem(1, 1, rows);
    }

    private async Task<QueryOutcome> RunAsync(string sql, CancellationToken cancellationToken)
    {
        string id;
        try
        {
            id = (await _athena.StartQueryExecutionAsync(Start(sql), cancellationToken)).QueryExecutionId;
        }
        catch (AwsServiceException e)
        {
            return new QueryOutcome(null, e.Code, e.ErrorMessage);
        }

        AthenaTrailSourceLog.QueryStarted(logger, id, target.Database, target.Table);
        var started = time.GetTimestamp();
        var wait = options.PollInterval;
        try
        {
            while (true)
            {
                var execution = (await _athena.GetQueryExecutionAsync(new GetQueryExecutionRequest(id), cancellationToken)).QueryExecution;
                switch (execution.State)
                {
                    case "SUCCEEDED":
                        return new QueryOutcome(execution, null, null);
                    case "FAILED" or "CANCELLED":
                        return new QueryOutcome(execution, execution.State, execution.StateChangeReason ?? "no reason given");
                }

                if (time.GetElapsedTime(started) > options.QueryTimeout)
                {
                    await StopAsync(id);
                    return new QueryOutcome(execution, "TIMEOUT", $"still {execution.State} after {options.QueryTimeout}; stopped");
                }

                await Task.Delay(wait, time, cancellationToken);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.MaxPollInterval.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The scan was abandoned: do not leave a query running (and billing) behind it.
            await StopAsync(id);
            throw;
        }
    }

    private async Task StopAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _athena.StopQueryExecutionAsync(new StopQueryExecutionRequest(id), timeout.Token);
        }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException or OperationCanceledException)
        {
            AthenaTrailSourceLog.StopFailed(logger, id, e.GetType().Name);
        }
    }

    private async Task<string?> CreateTableAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target.TrailLocation))
        {
            return "no trail location (s3://bucket/AWSLogs/o-xxxxxxxxxx/) is configured";
        }

        try
        {
            var accounts = options.Accounts.Count > 0 ? options.Accounts : await ListAccountsAsync(cancellationToken);
            var regions = options.Regions.Count > 0 ? options.Regions
                : [.. (await scope.Ec2.DescribeRegionsAsync(new DescribeRegionsRequest(AllRegions: true), cancellationToken)).Regions.Select(r => r.RegionName).Order(StringComparer.Ordinal)];
            foreach (var ddl in new[] { AthenaSql.CreateDatabase(target), AthenaSql.CreateTable(target, accounts, regions) })
            {
                var outcome = await RunAsync(ddl, cancellationToken);
                if (outcome.Failure is { } failure)
                {
                    return $"{outcome.Code}: {failure}";
                }
            }

            return null;
        }
        catch (AwsServiceException e)
        {
            return $"{e.Code}: {e.ErrorMessage}";
        }
    }

    private async Task<List<string>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<string>();
        await foreach (var account in scope.Organizations.ListAccountsAsync(cancellationToken))
        {
            accounts.Add(account.Id);
        }

        return accounts;
    }

    private StartQueryExecutionRequest Start(string sql) => new(sql)
    {
        Database = target.Database,
        WorkGroup = target.WorkGroup,
        OutputLocation = target.OutputLocation,
    };

    private sealed record QueryOutcome(AthenaQueryExecution? Execution, string? Code, string? Failure);
}
