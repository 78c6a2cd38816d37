using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Tests.Service;

public sealed class IncidentsServiceTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private IncidentHarness? _harness;

    private IncidentHarness Harness => _harness!;

    private CredIr.Contracts.V1.Incidents.IncidentsClient Service => Harness.Service;

    public async Task InitializeAsync() =>
        _harness = await IncidentHarness.StartAsync("sqlite:" + Path.Combine(_directory.Path, "credir.db"));

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_SameRequestIdTwice_ReturnsTheSameIncident()
    {
        var first = await Service.OpenIncidentAsync(TestIncidents.Open("soar-42"), Calls.As("soar"));
        var second = await Service.OpenIncidentAsync(TestIncidents.Open("soar-42"), Calls.As("soar"));
        var listed = await Service.ListIncidentsAsync(new ListIncidentsRequest(), Calls.As("viewer"));

        Assert.Equal(first.IncidentId, second.IncidentId);
        Assert.Single(listed.Incidents);
        Assert.Equal((Phase.Opened, 1L, "soar"), (first.Phase, first.Version, first.OpenedBy));
    }

    [Fact]
    public async Task Open_AskingForAutoApprovalWithoutAPolicy_IsFailedPreconditionSayingWhy_AndOpensNothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Service.OpenIncidentAsync(TestIncidents.Open("soar-auto", autoApprove: true), Calls.As("soar")).ResponseAsync);
        var listed = await Service.ListIncidentsAsync(new ListIncidentsRequest(), Calls.As("viewer"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("does not approve plans automatically on request (Incidents:AutoApprove:AllowOnRequest is false)", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(listed.Incidents);
    }

    [Fact]
    public async Task Open_WithoutInput_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Service.OpenIncidentAsync(new OpenIncidentRequest { RequestId = "r" }, Calls.As("alice")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownIncident_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Service.GetIncidentAsync(new GetIncidentRequest { IncidentId = "inc-missing" }, Calls.As("alice")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("inc-missing", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ByPhase_ReturnsOnlyThatPhaseInPages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            Harness.Time.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await Service.OpenIncidentAsync(TestIncidents.Open($"open-{i}"), Calls.As("alice"))).IncidentId);
        }

        await Service.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = ids[1] }, Calls.As("alice"));
        var firstPage = await Service.ListIncidentsAsync(new ListIncidentsRequest { Phases = { Phase.Opened }, PageSize = 3 }, Calls.As("viewer"));
        var secondPage = await Service.ListIncidentsAsync(new ListIncidentsRequest { Phases = { Phase.Opened }, PageSize = 3, PageToken = firstPage.NextPageToken }, Calls.As("viewer"));

        Assert.Equal([ids[0], ids[2], ids[3]], firstPage.Incidents.Select(i => i.IncidentId));
        Assert.Equal([ids[4]], secondPage.Incidents.Select(i => i.IncidentId));
        Assert.Empty(secondPage.NextPageToken);
    }

    [Fact]
    public async Task Watch_FromZero_GetsCurrentStateThenEveryChange()
    {
        var opened = await Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        using var cancel = new CancellationTokenSource();
        await using var watch = Service.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId }, Calls.Cancelling("viewer", cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);

        Assert.True(await Eventually.Within(watch.MoveNextAsync(), "the current state"));
        var current = watch.Current;
        await Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "key found in a public gist" }, Calls.As("alice"));
        Assert.True(await Eventually.Within(watch.MoveNextAsync(), "the note's change"));
        var change = watch.Current;

        Assert.Equal((1L, "current state"), (current.Version, current.Description));
        Assert.Equal((2L, "note by alice"), (change.Version, change.Description));
        Assert.Equal("key found in a public gist", change.Incident.Notes[0].Text);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task Watch_FromCurrentVersion_GetsOnlyLaterChanges()
    {
        var opened = await Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        using var cancel = new CancellationTokenSource();
        await using var watch = Service.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId, FromVersion = opened.Version }, Calls.Cancelling("viewer", cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync();

        await Service.SetCompromiseTimeAsync(new SetCompromiseTimeRequest { IncidentId = opened.IncidentId, CompromiseTime = Timestamp.FromDateTimeOffset(TestIncidents.Start.AddDays(-1)), Reason = "first use from 203.0.113.7" }, Calls.As("alice"));

        Assert.True(await Eventually.Within(next, "the compromise time change"));
        Assert.Equal(2, watch.Current.Version);
        Assert.Equal(CompromiseTimeBasis.Responder, watch.Current.Incident.CompromiseWindow.Basis);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task Watch_UnknownIncident_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Service.WatchIncident(new WatchIncidentRequest { IncidentId = "inc-missing" }, Calls.As("viewer")).Responses().FirstAsync());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task SameNoteRequestTwice_IsAppliedOnce()
    {
        var opened = await Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var note = new AddNoteRequest { IncidentId = opened.IncidentId, RequestId = "note-1", Text = "called the key owner" };

        await Service.AddNoteAsync(note, Calls.As("alice"));
        var again = await Service.AddNoteAsync(note, Calls.As("alice"));

        Assert.Single(again.Notes);
        Assert.Equal(2, again.Version);
    }

    [Fact]
    public async Task RequestIdOfAnotherIncident_IsRefusedNamingThatIncident()
    {
        var first = await Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var second = await Service.OpenIncidentAsync(TestIncidents.Open("open-2"), Calls.As("alice"));
        await Service.AddNoteAsync(new AddNoteRequest { IncidentId = first.IncidentId, RequestId = "note-1", Text = "a" }, Calls.As("alice"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Service.AddNoteAsync(new AddNoteRequest { IncidentId = second.IncidentId, RequestId = "note-1", Text = "b" }, Calls.As("alice")).ResponseAsync);

        // Another incident is another request: the id was used for a different body.
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(first.IncidentId, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompromiseTimeInTheFuture_IsInvalidArgument()
    {
        var opened = await Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Service.SetCompromiseTimeAsync(
            new SetCompromiseTimeRequest { IncidentId = opened.IncidentId, CompromiseTime = Timestamp.FromDateTimeOffset(Harness.Time.GetUtcNow().AddHours(1)) }, Calls.As("alice")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task CloseWhileContaining_IsFailedPreconditionNamingTheTransition()
    {
        var opened = await Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var grain = Harness.Grain(opened.IncidentId);
        await grain.TransitionAsync(Phase.Identified, "identified by hand", "alice", CancellationToken.None);
        await grain.TransitionAsync(Phase.Containing, "containing by hand", "alice", CancellationToken.None);

        var error = await Assert.ThrowsAsync<RpcException>(() => Service.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId }, Calls.As("alice")).ResponseAsync);
        var forced = await Service.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId, Force = true, Reason = "false positive" }, Calls.As("alice"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("Cannot move from containing to closed", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Phase.Closed, forced.Phase);
    }
}
