using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Eradication.Scanning;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.Athena;
using CredIr.Eradication.Trails.LogFiles;
using Grpc.Core;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Tests.Scanning;

/// <summary>The Scan RPC's implementation called in-process, as the gRPC layer calls it.</summary>
public sealed class ScanHandlerTests
{
    private static readonly DateTimeOffset Since = new(2023, 7, 10, 11, 54, 33, TimeSpan.Zero);

    private static ScanHandler Handler(params string[] roots) => new(
        TestSources.Factory(roots),
        new EventClassifier(),
        new RecordExtractor(),
        new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private static ScanRequest InvictusRequest() => new()
    {
        IncidentId = "inc-1",
        Credentials = { new Credential { AccessKeyId = "AKIATFQR7NSC8Q4X20BJ" } },
        Since = Timestamp.FromDateTimeOffset(Since),
        Source = Contracts.V1.TrailSourceKind.LogFiles,
        LogLocation = Datasets.InvictusStratus,
    };

    private static async Task<List<ScanUpdate>> ScanAsync(ScanRequest request)
    {
        var updates = new List<ScanUpdate>();
        await foreach (var update in Handler().ScanAsync(request, CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }

    [Fact]
    public async Task Invictus_StreamsEventsCredentialsAndEndsWithTheSummary()
    {
        var updates = await ScanAsync(InvictusRequest());

        Assert.Equal(ScanUpdate.UpdateOneofCase.Summary, updates[^1].UpdateCase);
        var summary = updates[^1].Summary;
        Assert.Equal(2175, summary.EventsAttributed);
        Assert.Equal(2175, updates.Count(u => u.UpdateCase == ScanUpdate.UpdateOneofCase.Event));
        // 35 minted by the seed key + 3 instance keys its instances' sessions were seen using.
        Assert.Equal(38, summary.CredentialsDerived);
        Assert.Equal(38, updates.Count(u => u.UpdateCase == ScanUpdate.UpdateOneofCase.Credential));
        Assert.True(summary.Complete);
        Assert.True(summary.EventsByCategory["DefenseEvasion"] >= 10);
    }

    [Fact]
    public async Task DerivedSession_CarriesItsProvenance()
    {
        var updates = await ScanAsync(InvictusRequest());

        var session = updates.Where(u => u.UpdateCase == ScanUpdate.UpdateOneofCase.Credential).Select(u => u.Credential)
            .Single(c => c.AccessKeyId == "ASIATFQR7NSCWLLE7IWW");
        Assert.Equal(Contracts.V1.CredentialKind.RoleSession, session.Kind);
        Assert.Equal("AKIATFQR7NSC8Q4X20BJ", session.Provenance.DerivedFromAccessKeyId);
        Assert.Equal("bbe86c7c-5981-4ac8-ad20-9248612b16c1", session.Provenance.CreatedByEventId);
        Assert.Equal(1, session.Provenance.Depth);
        Assert.Equal("stratus-red-team-ec2-get-password-data-role", session.RoleName);
    }

    [Fact]
    public async Task Events_RawJsonHasNoSecrets_AndSaysWhyItWasClassified()
    {
        var updates = await ScanAsync(InvictusRequest());

        var events = updates.Where(u => u.UpdateCase == ScanUpdate.UpdateOneofCase.Event).Select(u => u.Event).ToList();
        var assume = events.Single(e => e.EventId == "bbe86c7c-5981-4ac8-ad20-9248612b16c1");
        Assert.DoesNotContain("sessionToken\":\"I", assume.RawJson, StringComparison.Ordinal);
        Assert.Contains("ASIATFQR7NSCWLLE7IWW", assume.CreatedAccessKeyIds);
        Assert.Contains("AssumeRole", assume.MatchedRules);
        Assert.Contains(Contracts.V1.EventCategory.IdentityPersistence, assume.Categories);
        Assert.All(events, e => Assert.DoesNotContain("\"secretAccessKey\":\"", e.RawJson.Replace("\"secretAccessKey\":\"[REDACTED]", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no credentials", "credentials")]
    [InlineData("since after until", "is after until")]
    [InlineData("missing folder", "does not exist")]
    [InlineData("bad key id", "is not an access key id")]
    [InlineData("no since", "since")]
    [InlineData("negative depth", "max_depth")]
    [InlineData("no source", "source")]
    public async Task BadRequest_IsInvalidArgument_WithWhatToFix(string problem, string messagePart)
    {
        var request = InvictusRequest();
        switch (problem)
        {
            case "no credentials": request.Credentials.Clear(); break;
            case "since after until": request.Until = Timestamp.FromDateTimeOffset(Since.AddDays(-1)); break;
            case "missing folder": request.LogLocation = "/nonexistent/credir/logs"; break;
            case "bad key id": request.Credentials[0].AccessKeyId = "AKIA-not/a key"; break;
            case "no since": request.Since = null; break;
            case "negative depth": request.MaxDepth = -1; break;
            case "no source": request.Source = Contracts.V1.TrailSourceKind.Unspecified; request.LogLocation = ""; break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(messagePart, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("/nonexistent/credir/logs")]
    [InlineData("{root}/../")]
    public async Task LogFolderOutsideTheConfiguredRoots_IsPermissionDenied_SameAnswerWhetherItExists(string folder)
    {
        var root = Path.GetDirectoryName(Datasets.InvictusStratus)!;
        var request = InvictusRequest();
        request.LogLocation = folder.Replace("{root}", root, StringComparison.Ordinal);
        var allowed = InvictusRequest();

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanWithRootsAsync(request, root));
        var read = await ScanWithRootsAsync(allowed, root);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(
            "log_location: this service reads log files only under the folders its operator configured (Eradication:LogFiles:Roots); give a folder under one of them, or an s3:// prefix.",
            error.Status.Detail);
        Assert.Contains(read, u => u.UpdateCase == ScanUpdate.UpdateOneofCase.Event);
    }

    [Theory]
    [InlineData("AttackerChosenRole", "", "scope.response_role_name: 'AttackerChosenRole' is not a response role this service is configured with")]
    [InlineData("", "attacker-external-id", "scope.external_id: the external id comes from this service's configuration")]
    public async Task LookupEventsScan_RoleOrExternalIdNotConfigured_IsPermissionDenied(string role, string externalId, string message)
    {
        var request = InvictusRequest();
        request.Source = Contracts.V1.TrailSourceKind.LookupEvents;
        request.LogLocation = string.Empty;
        request.Scope = new Scope { AllAccounts = true, AllRegions = true, ResponseRoleName = role, ExternalId = externalId };

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanAsync(request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith(message, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogFolder_NoRootConfigured_IsPermissionDenied()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in new ScanHandler(TestSources.Unrooted(), new EventClassifier(), new RecordExtractor(), TimeProvider.System).ScanAsync(InvictusRequest(), CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private static async Task<List<ScanUpdate>> ScanWithRootsAsync(ScanRequest request, string root)
    {
        var updates = new List<ScanUpdate>();
        await foreach (var update in Handler(root).ScanAsync(request, CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }

    [Fact]
    public async Task LogFilesInS3_ANonBucketUrl_IsInvalidArgument()
    {
        var request = InvictusRequest();
        request.LogLocation = "s3://";

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("log_location", error.Status.Detail, StringComparison.Ordinal);
    }

    // Issue 20's rule: where Athena looks and writes is the operator's; a request only names a configured target.
    [Theory]
    [InlineData("output_location")]
    [InlineData("trail_location")]
    [InlineData("table")]
    public async Task AthenaSource_RequestSettingWhereAthenaLooksOrWrites_IsPermissionDenied(string field)
    {
        var request = InvictusRequest();
        request.Source = Contracts.V1.TrailSourceKind.Athena;
        request.Athena = field switch
        {
            "output_location" => new AthenaSettings { OutputLocation = "s3://someone-elses-bucket/" },
            "trail_location" => new AthenaSettings { TrailLocation = "s3://other-trail/AWSLogs/o-abcd123456/", CreateTable = true },
            _ => new AthenaSettings { Table = "other_table" },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanAsync(AthenaHandler(), request));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains($"athena.{field}", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("configured: archive, org", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AthenaSource_UnknownTarget_IsFailedPrecondition_NamingTheConfiguredTargets()
    {
        var request = InvictusRequest();
        request.Source = Contracts.V1.TrailSourceKind.Athena;
        request.Athena = new AthenaSettings { Target = "nope" };

        var error = await Assert.ThrowsAsync<RpcException>(() => ScanAsync(AthenaHandler(), request));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("'nope'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("configured: archive, org", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AthenaTargets_ListsTheNamedTargetsWithWhatTheyQuery_NeverTheirLocations()
    {
        var targets = TestSources.WithAthena(TwoTargets()).AthenaTargets().ToList();

        Assert.Equal(["archive", "org"], targets.Select(static t => t.Name));
        // Unset settings are the section's: the archive target queries its own table in the default database.
        Assert.Equal(("cloudtrail", "archive_trail", "primary"), (targets[0].Database, targets[0].Table, targets[0].Workgroup));
        Assert.DoesNotContain("s3://", string.Join(",", targets), StringComparison.Ordinal);
    }

    private static AthenaSourceOptions TwoTargets() => new()
    {
        OutputLocation = "s3://results/",
        Targets =
        {
            ["org"] = new AthenaTargetOptions { OutputLocation = "s3://org-results/" },
            ["archive"] = new AthenaTargetOptions { Table = "archive_trail", Region = "eu-west-1" },
        },
    };

    private static ScanHandler AthenaHandler() =>
        new(TestSources.WithAthena(TwoTargets()), new EventClassifier(), new RecordExtractor(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

    private static async Task<List<ScanUpdate>> ScanAsync(ScanHandler handler, ScanRequest request)
    {
        var updates = new List<ScanUpdate>();
        await foreach (var update in handler.ScanAsync(request, CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }
}
