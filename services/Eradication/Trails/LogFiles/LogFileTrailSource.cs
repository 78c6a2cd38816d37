using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Trail;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>
/// CloudTrail log files in a folder (recursive, the S3 delivery layout or flat): <c>.json.gz</c> and
/// <c>.json</c>, <c>{"Records":[...]}</c> or bare arrays. Files are read in parallel, each as a stream
/// (memory bounded by the largest record and the channel, not the file), records merged unordered.
/// Each file is a unit: one checkpoint when it is read to the end, one gap when it cannot be read.
/// </summary>
public sealed class LogFileTrailSource : ITrailSource
{
    // Error codes of the gaps a damaged file leaves, so a caller (credir scan's exit 3) tells them from coverage notes.
    private const string LogFileUnreadable = "LogFileUnreadable";
    private const string RecordUndecodable = "RecordUndecodable";

    private const string CoverageReason =
        "CloudTrail log files hold what the trail delivered to this folder: data events (S3 object reads, Lambda invocations) " +
        "only if the trail recorded them, and only the accounts, regions and days the folder contains";

    private readonly ILogFileStore _store;
    private readonly LogFileSourceOptions _options;
    private readonly ILogger<LogFileTrailSource> _logger;

    /// <summary>Log files in a local folder.</summary>
    public LogFileTrailSource(string root, LogFileSourceOptions options, ILogger<LogFileTrailSource> logger)
        : this(new LocalLogFileStore(root), options, logger)
    {
    }

    internal LogFileTrailSource(ILogFileStore store, LogFileSourceOptions options, ILogger<LogFileTrailSource> logger)
    {
        _store = store;
        _options = options;
        _logger = logger;
    }

    public TrailSourceKind Kind => TrailSourceKind.LogFiles;

    /// <summary>Null when the folder can be read, else what is wrong with it, for the caller to fix.</summary>
    public static string? Problem(string? root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            return "log_location is required for the log-file source";
        }

        if (!Directory.Exists(root))
        {
            return $"log folder '{root}' does not exist or is not a folder";
        }

        try
        {
            _ = Directory.EnumerateFileSystemEntries(root).Any();
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"log folder '{root}' cannot be read: {e.Message}";
        }
    }

    public async IAsyncEnumerable<TrailItem> QueryAsync(TrailQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var finished = query.ResumeFrom.Where(c => c.Done).Select(c => c.Unit).ToHashSet(StringComparer.Ordinal);
        var candidates = await _store.ListAsync(query, cancellationToken);
        var files = candidates.Where(f => f.MayHold(query) && !finished.Contains(_store.Unit(f.Path))).ToList();
        LogFileTrailSourceLog.Started(_logger, files.Count, _store.Root, candidates.Count - files.Count);

        yield return new TrailGapItem(new TrailGap(null, null, CoverageReason, EventCategories.None));
        foreach (var gap in LayoutGaps(candidates, query))
        {
            yield return new TrailGapItem(gap);
        }

        var channel = Channel.CreateBounded<TrailItem>(new BoundedChannelOptions(Math.Max(1, _options.ChannelCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = new Work(new ConcurrentQueue<LogFilePath>(files), files.Count, query, query.Filter.Needles(), channel.Writer);
        var workers = Enumerable.Range(0, Math.Clamp(_options.MaxParallelism, 1, Math.Max(1, files.Count)))
            .Select(_ => Task.Run(() => ReadFilesAsync(work, stop.Token), stop.Token))
            .ToArray();
        var completion = CompleteWhenDoneAsync(workers, channel.Writer);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                // ReadAllAsync only looks at the token when it has to wait; a full channel would keep flowing.
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            await completion;
        }
        finally
        {
            await stop.CancelAsync();
            await completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task CompleteWhenDoneAsync(Task[] workers, ChannelWriter<TrailItem> writer)
    {
        try
        {
            await Task.WhenAll(workers);
            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e);
            throw;
        }
    }

    private async Task ReadFilesAsync(Work work, CancellationToken cancellationToken)
    {
        while (work.Files.TryDequeue(out var file))
        {
            cancellationToken.ThrowIfCancellationRequested();
            long records = 0;
            string? error = null;
            try
            {
                await using var stream = await _store.OpenAsync(file.Path, cancellationToken);
                await foreach (var raw in CloudTrailStreamReader.ReadRecordsAsync(stream, cancellationToken))
                {
                    records++;
                    if (work.Needles.Count > 0 && !ContainsAny(raw.Utf8.Span, work.Needles))
                    {
                        continue;
                    }

                    if (Decode(raw) is not { } record)
                    {
                        // One damaged record (invalid UTF-8, a field of the wrong shape) costs that record, not the file.
                        LogFileTrailSourceLog.RecordUndecodable(_logger, file.Path, raw.Offset);
                        await work.Writer.WriteAsync(new TrailGapItem(new TrailGap(file.AccountId, file.Region, $"log file {_store.Unit(file.Path)}: the record at byte {raw.Offset} could not be decoded", EventCategories.None, RecordUndecodable, UnitFailed: true)), cancellationToken);
                        continue;
                    }

                    if (work.Query.InScope(record.AccountId, record.AwsRegion, record.EventTime) && work.Query.Filter.Matches(record))
                    {
                        await work.Writer.WriteAsync(new TrailRecordItem(record), cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidDataException or UnauthorizedAccessException or Aws.AwsServiceException or HttpRequestException)
            {
                error = e.Message;
            }

            var read = Interlocked.Add(ref work.RecordsRead, records);
            var done = Interlocked.Increment(ref work.FilesDone);
            if (error is null)
            {
                await work.Writer.WriteAsync(new TrailCheckpointItem(new TrailCheckpoint(_store.Unit(file.Path), file.AccountId, file.Region, null, null, null, Done: true)), cancellationToken);
            }
            else
            {
                LogFileTrailSourceLog.FileFailed(_logger, file.Path, error);
                await work.Writer.WriteAsync(new TrailGapItem(new TrailGap(file.AccountId, file.Region, $"log file {_store.Unit(file.Path)} could not be read: {error}", EventCategories.None, LogFileUnreadable, UnitFailed: true)), cancellationToken);
            }

            await work.Writer.WriteAsync(new TrailProgressItem(work.FilesTotal, done, read), cancellationToken);
        }
    }

    private static CloudTrailRecord? Decode(RawRecord raw)
    {
        try
        {
            return CloudTrailRecordParser.Parse(raw.Utf8.Span);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static List<TrailGap> LayoutGaps(IReadOnlyList<LogFilePath> files, TrailQuery query)
    {
        var laidOut = files.Where(f => f.AccountId is not null).ToList();
        if (laidOut.Count == 0)
        {
            return files.Count == 0
                ? [new TrailGap(null, null, "the log folder holds no CloudTrail log files (.json or .json.gz)", EventCategories.None)]
                : query.Accounts.Count + query.Regions.Count == 0
                    ? []
                    : [new TrailGap(null, null, "the log folder does not use the AWSLogs/<account>/CloudTrail/<region> layout: which accounts and regions it covers is unknown", EventCategories.None)];
        }

        var gaps = new List<TrailGap>();
        foreach (var account in query.Accounts.Where(a => !laidOut.Any(f => f.AccountId == a)))
        {
            gaps.Add(new TrailGap(account, null, $"no log files for account {account} in the log folder", EventCategories.None));
        }

        foreach (var region in query.Regions.Where(r => !laidOut.Any(f => f.Region == r)))
        {
            gaps.Add(new TrailGap(null, region, $"no log files for region {region} in the log folder", EventCategories.None));
        }

        return gaps;
    }

    private static bool ContainsAny(ReadOnlySpan<byte> haystack, IReadOnlyList<byte[]> needles)
    {
        foreach (var needle in needles)
        {
            if (haystack.IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Work(ConcurrentQueue<LogFilePath> files, int filesTotal, TrailQuery query, IReadOnlyList<byte[]> needles, ChannelWriter<TrailItem> writer)
    {
        public long RecordsRead;
        public int FilesDone;

        public ConcurrentQueue<LogFilePath> Files { get; } = files;
        public int FilesTotal { get; } = filesTotal;
        public TrailQuery Query { get; } = query;
        public IReadOnlyList<byte[]> Needles { get; } = needles;
        public ChannelWriter<TrailItem> Writer { get; } = writer;
    }
}
