using CredIr.Eradication.Closure;
using CredIr.Eradication.Tests.Trails.Athena;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LogFiles;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails;

/// <summary>
/// Log files read straight from S3 (the sandbox's S3, the trail delivered to a bucket in the organization trail's
/// layout): the same closure as the local files, and only the day folders of the window, in scope, are fetched.
/// </summary>
public sealed class S3LogFilesTests : IAsyncLifetime
{
    private const string Bucket = "org-trail";
    private const string SeedKey = "AKIATFQR7NSC8Q4X20BJ";
    private static readonly DateTimeOffset Since = new(2023, 7, 10, 11, 54, 33, TimeSpan.Zero);
    private AthenaSandbox _sandbox = null!;
    private int _delivered;

    public async Task InitializeAsync()
    {
        _sandbox = await AthenaSandbox.StartAsync(Datasets.InvictusStratus);
        _delivered = await _sandbox.Sandbox.DeliverTrailAsync(Bucket, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private LogFileTrailSource Source(string prefix = "") =>
        new(new S3LogFileStore(_sandbox.Admin.S3, Bucket, prefix), new LogFileSourceOptions { MaxParallelism = 4 }, NullLogger<LogFileTrailSource>.Instance);

    [Fact]
    public async Task Invictus_FromS3_AttributesExactlyWhatTheLocalFilesGive()
    {
        var request = new ClosureRequest { Credentials = [InitialCredentials.AccessKey(SeedKey, Since)], Since = Since };
        var engine = new ClosureEngine(Source($"AWSLogs/{_sandbox.Sandbox.OrganizationId}/"), new EventClassifier(), new RecordExtractor(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var s3 = new List<ClosureUpdate>();
        await foreach (var update in engine.RunAsync(request, CancellationToken.None))
        {
            s3.Add(update);
        }

        var local = await Sources.RunAsync(Datasets.InvictusStratus, request);
        var summary = s3.OfType<ClosureCompleted>().Single().Summary;
        Assert.True(summary.Complete, string.Join("; ", summary.Gaps.Select(g => g.Reason)));
        Assert.Equal(2175, summary.EventsAttributed);
        Assert.Equal(
            local.OfType<EventFound>().Select(e => e.Event.Record.EventId).Order(StringComparer.Ordinal),
            s3.OfType<EventFound>().Select(e => e.Event.Record.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(
            local.OfType<CredentialFound>().Select(c => c.Credential.Identity).Order(StringComparer.Ordinal),
            s3.OfType<CredentialFound>().Select(c => c.Credential.Identity).Order(StringComparer.Ordinal));
    }

    // The organization trail's bucket in another region than the reader's: S3's answer names the bucket's region and
    // the requests are signed again for it, as the AWS SDKs do (a client that did not would read nothing).
    [Fact]
    public async Task TrailBucketInAnotherRegion_IsReadThroughItsRegion_WithTheSameEvents()
    {
        const string euBucket = "org-trail-eu";
        await _sandbox.Admin.WithRegion("eu-west-1").S3.CreateBucketAsync(new Aws.CreateBucketRequest(euBucket));
        await _sandbox.Sandbox.DeliverTrailAsync(euBucket, CancellationToken.None);
        var request = new ClosureRequest { Credentials = [InitialCredentials.AccessKey(SeedKey, Since)], Since = Since };
        var source = new LogFileTrailSource(new S3LogFileStore(_sandbox.Admin.S3, euBucket, $"AWSLogs/{_sandbox.Sandbox.OrganizationId}/"), new LogFileSourceOptions { MaxParallelism = 4 }, NullLogger<LogFileTrailSource>.Instance);
        var engine = new ClosureEngine(source, new EventClassifier(), new RecordExtractor(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        ClosureSummary? summary = null;
        await foreach (var update in engine.RunAsync(request, CancellationToken.None))
        {
            summary = (update as ClosureCompleted)?.Summary ?? summary;
        }

        Assert.Equal("us-east-1", _sandbox.Admin.Region);
        Assert.True(summary!.Complete, string.Join("; ", summary.Gaps.Select(g => g.Reason)));
        Assert.Equal(2175, summary.EventsAttributed);
        Assert.Equal(38, summary.CredentialsDerived);
    }

    [Fact]
    public async Task OnlyTheWindowsDayFolders_OfTheAccountsInScope_AreFetched()
    {
        var account = _sandbox.Sandbox.Accounts[0].AccountId;

        var day = new DateTimeOffset(2023, 7, 10, 0, 0, 0, TimeSpan.Zero);
        var wholeDay = await FilesReadAsync(new TrailQuery { Since = day, Until = day.AddDays(1) });
        var fromTheCompromise = await FilesReadAsync(new TrailQuery { Since = Since, Until = day.AddDays(1) });
        var otherDays = await FilesReadAsync(new TrailQuery { Since = Since.AddDays(3), Until = Since.AddDays(4) });
        var otherAccount = await FilesReadAsync(new TrailQuery { Since = Since, Until = Since.AddHours(2), Accounts = ["999999999999"] });
        var fromTheBucketRoot = await FilesReadAsync(new TrailQuery { Since = day, Until = day.AddDays(1), Accounts = [account] }, prefix: "");

        // The bucket also holds today's files (the sandbox records the test's own calls): only the dataset's day is read.
        var ofTheDay = 0;
        await foreach (var o in _sandbox.Admin.S3.ListObjectsV2Async(new Aws.ListObjectsV2Request(Bucket)))
        {
            ofTheDay += o.Key.Contains("/2023/07/10/", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.InRange(ofTheDay, 1, _delivered - 1);
        Assert.Equal(ofTheDay, wholeDay);
        // Files delivered before the compromise time hold nothing of the actor's.
        Assert.InRange(fromTheCompromise, 1, ofTheDay - 1);
        Assert.Equal(0, otherDays);
        Assert.Equal(0, otherAccount);
        Assert.Equal(ofTheDay, fromTheBucketRoot);
    }

    private async Task<int> FilesReadAsync(TrailQuery query, string? prefix = null)
    {
        var files = 0;
        await foreach (var item in Source(prefix ?? $"AWSLogs/{_sandbox.Sandbox.OrganizationId}/").QueryAsync(query, CancellationToken.None))
        {
            if (item is TrailCheckpointItem)
            {
                files++;
            }
        }

        return files;
    }
}
