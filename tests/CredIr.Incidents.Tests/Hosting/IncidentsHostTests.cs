using CredIr.Hosting;
using Grpc.Net.Client;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Storage;
using CredIr.Incidents.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Tests.Hosting;

/// <summary>The coordinator in a real Kestrel gRPC host on loopback, called through the project's gRPC client.</summary>
public sealed class IncidentsHostTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private WebApplication? _app;
    private GrpcChannel? _channel;

    private CredIr.Contracts.V1.Incidents.IncidentsClient Client => new CredIr.Contracts.V1.Incidents.IncidentsClient(_channel!);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.Configuration["Incidents:Store"] = "sqlite:" + Path.Combine(_directory.Path, "credir.db");
        builder.AddCredIrGrpcHost();
        builder.AddIncidentServices();
        _app = builder.Build();
        _app.MapGrpcService<CredIr.Contracts.V1.Incidents.IncidentsBase>();
        _app.MapGrpcInfrastructure();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _channel = GrpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenThenGet_OverGrpc_ReturnsTheStoredIncident()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-1"), new CallOptions());

        var fetched = await Client.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions());

        Assert.Equal(opened.IncidentId, fetched.IncidentId);
        Assert.Equal(Phase.Opened, fetched.Phase);
    }

    [Fact]
    public async Task IllegalTransition_OverGrpc_IsFailedPreconditionWithTheReason()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-2"), new CallOptions());
        await Client.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId, Force = true, Reason = "again" }, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("the incident is closed", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_OverGrpc_StreamsCurrentStateThenTheNextChange()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-3"), new CallOptions());
        using var cancel = new CancellationTokenSource();
        await using var watch = Client.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions(cancellationToken: cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);

        Assert.True(await Eventually.Within(watch.MoveNextAsync(), "the current state over gRPC"));
        var next = watch.MoveNextAsync();
        await Client.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "paged the owner" }, new CallOptions());
        Assert.True(await Eventually.Within(next, "the note over gRPC"));

        Assert.Equal("paged the owner", watch.Current.Incident.Notes.Single().Text);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task ExportAndVerify_OverGrpc_AgreeOnTheHeadHash()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-4"), new CallOptions());
        await Client.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "evidence" }, new CallOptions());

        var entries = await Client.ExportEvidence(new ExportEvidenceRequest { IncidentId = opened.IncidentId }, new CallOptions()).Responses().ToListAsync();
        var verified = await Client.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = opened.IncidentId }, new CallOptions());

        Assert.True(verified.Intact);
        Assert.Equal(entries.Count, verified.Entries);
        Assert.Equal(entries[^1].Hash, verified.HeadHash);
    }

    [Theory]
    [InlineData(253_402_300_800L, 0, "seconds 253402300800")]
    [InlineData(-62_135_596_801L, 0, "seconds -62135596801")]
    [InlineData(1_700_000_000L, -1, "nanos -1")]
    [InlineData(1_700_000_000L, 1_000_000_000, "nanos 1000000000")]
    public async Task Open_CompromiseTimeOutOfRange_IsInvalidArgumentAndNothingIsStored(long seconds, int nanos, string named)
    {
        var request = TestIncidents.Open("bad-time");
        request.CompromiseTime = new Timestamp { Seconds = seconds, Nanos = nanos };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.OpenIncidentAsync(request, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("compromise_time: " + named, error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await Client.ListIncidentsAsync(new ListIncidentsRequest(), new CallOptions())).Incidents);
    }

    [Fact]
    public async Task Open_MegabyteTitle_IsInvalidArgumentNamingTheLimitWithoutEchoingTheTitle()
    {
        var request = TestIncidents.Open("big-title");
        request.Title = new string('A', 1024 * 1024);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.OpenIncidentAsync(request, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("title: 1048576 characters; at most 1024 are accepted", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length < 300, error.Status.Detail);
    }

    [Fact]
    public async Task Open_RegionWithControlCharacters_IsInvalidArgumentWithTheCharacterEscaped()
    {
        var request = TestIncidents.Open("bad-region");
        request.Scope = new Scope { Regions = { "us-east-1", "us-east-1\r\nX-Injected: 1" } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.OpenIncidentAsync(request, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("scope.regions[1]: contains the control character U+000D", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("\\u000d\\u000a", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_TenThousandRegions_IsInvalidArgumentNamingTheLimit()
    {
        var request = TestIncidents.Open("many-regions");
        request.Scope = new Scope { Regions = { Enumerable.Range(0, 10_000).Select(i => $"xx-test-{i}") } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.OpenIncidentAsync(request, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("scope.regions: 10000 entries; at most 64 are accepted.", error.Status.Detail);
    }

    [Fact]
    public async Task Open_UnknownSeverity_IsInvalidArgumentListingTheKnownValues()
    {
        var request = TestIncidents.Open("bad-enum");
        request.Severity = (Severity)42;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.OpenIncidentAsync(request, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("severity: 42 is not a value of credir.v1.Severity", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetCompromiseTime_NanosOutOfRange_IsInvalidArgument()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("set-time"), new CallOptions());

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SetCompromiseTimeAsync(
            new SetCompromiseTimeRequest { IncidentId = opened.IncidentId, CompromiseTime = new Timestamp { Seconds = 1_700_000_000, Nanos = -1 } }, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("compromise_time: nanos -1", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_NegativeFromVersion_IsInvalidArgument()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("watch-negative"), new CallOptions());

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var watch = Client.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId, FromVersion = -1 }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
            await watch.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("from_version: -1 is negative", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_UnknownIncident_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var watch = Client.WatchIncident(new WatchIncidentRequest { IncidentId = "inc-does-not-exist" }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
            await watch.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task AddNote_SameRequestIdWithAnotherText_IsRefusedAndTheFirstNoteStays()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("note-open"), new CallOptions());
        var first = await Client.AddNoteAsync(new AddNoteRequest { RequestId = "note-1", IncidentId = opened.IncidentId, Text = "paged the owner" }, new CallOptions());

        var again = await Client.AddNoteAsync(new AddNoteRequest { RequestId = "note-1", IncidentId = opened.IncidentId, Text = "paged the owner" }, new CallOptions());
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.AddNoteAsync(new AddNoteRequest { RequestId = "note-1", IncidentId = opened.IncidentId, Text = "rotated the key" }, new CallOptions()).ResponseAsync);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("Request id 'note-1' was already used for another request", error.Status.Detail, StringComparison.Ordinal);
        var stored = await Client.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions());
        Assert.Equal(["paged the owner"], stored.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task Open_SameRequestIdWithAnotherTitle_IsRefused()
    {
        await Client.OpenIncidentAsync(TestIncidents.Open("open-twice"), new CallOptions());
        var other = TestIncidents.Open("open-twice");
        other.Title = "Another leak";

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.OpenIncidentAsync(other, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Single((await Client.ListIncidentsAsync(new ListIncidentsRequest(), new CallOptions())).Incidents);
    }

    [Fact]
    public async Task StoredInvalidCompromiseTime_ReportsInEveryFormatAndAdvanceSaysHowToRepairIt()
    {
        // An incident stored before the hosts refused such times.
        var poisoned = TestIncidents.Document("inc-20260301-120000-poisoned");
        poisoned.CompromiseWindow = new CompromiseWindow { Start = new Timestamp { Seconds = 253_402_300_800 } };
        await _app!.Services.GetRequiredService<IIncidentStore>().WriteAsync(poisoned, null, null, null, CancellationToken.None);

        foreach (var format in new[] { ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html })
        {
            var report = await Client.GetReportAsync(new GetReportRequest { IncidentId = poisoned.IncidentId, Format = format }, new CallOptions());
            // Markdown escapes the underscores of the path: the sentence after it is the same in every format.
            Assert.Contains("is not a valid time (outside 0001-01-01 to 9999-12-31)", report.Content, StringComparison.Ordinal);
        }

        var advance = await Assert.ThrowsAsync<RpcException>(() => Client.AdvanceAsync(new AdvanceRequest { IncidentId = poisoned.IncidentId }, new CallOptions()).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, advance.StatusCode);
        Assert.Contains("set a valid one with SetCompromiseTime", advance.Status.Detail, StringComparison.Ordinal);

        var repaired = await Client.SetCompromiseTimeAsync(new SetCompromiseTimeRequest { IncidentId = poisoned.IncidentId, CompromiseTime = Timestamp.FromDateTimeOffset(TestIncidents.Start) }, new CallOptions());
        Assert.Equal(TestIncidents.Start, repaired.CompromiseWindow.Start.ToDateTimeOffset());
    }
}
