using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>
/// Two coordinators on one PostgreSQL database, hosted in this test process: each harness has its
/// own grain runtime, store connections and run-claim identity, as two processes would, and they
/// share one fake clock so claim expiry is driven by the test. (Real processes: the Durability tests.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RunClaimTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Advance_WhileAnotherCoordinatorDrivesTheIncident_IsAbortedNamingTheHolder()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database, time: first.Time);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var claims = first.Services.GetRequiredService<RunClaims>();
        await using var driving = await claims.ClaimAsync(opened.IncidentId, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            second.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("bob")).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        Assert.Contains($"being advanced by coordinator {claims.Holder}", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Phase.Opened, (await second.Store.ReadAsync(opened.IncidentId, CancellationToken.None))!.State.Phase);
    }

    [Fact]
    public async Task Advance_AfterTheHolderStoppedRenewing_TakesOverOnceTheClaimExpires()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database, time: first.Time);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var now = first.Time.GetUtcNow();

        // The first coordinator claimed the run and then went silent (no renewals): as if it hung or its host died.
        var dead = first.Services.GetRequiredService<RunClaims>().Holder;
        await first.Store.ClaimRunAsync(opened.IncidentId, dead, now, now.AddSeconds(30), null, CancellationToken.None);
        first.Time.Advance(TimeSpan.FromSeconds(29));
        var early = await Assert.ThrowsAsync<RpcException>(() =>
            second.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("bob")).ResponseAsync);
        first.Time.Advance(TimeSpan.FromSeconds(1));
        var advanced = await second.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("bob"));

        Assert.Equal(StatusCode.Aborted, early.StatusCode);
        Assert.Equal("the identification service to be configured", advanced.WaitingFor);
        Assert.True(advanced.Version > opened.Version);
    }

    [Fact]
    public async Task Advance_Finished_ReleasesTheClaimForTheOtherCoordinator()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database, time: first.Time);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));

        await first.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("alice"));
        var claim = await second.Store.ClaimRunAsync(opened.IncidentId, "probe", first.Time.GetUtcNow(), first.Time.GetUtcNow().AddSeconds(1), null, CancellationToken.None);

        Assert.True(claim.Granted, $"still held by {claim.Holder}");
    }

    [Fact]
    public async Task Lease_TakenOverWhileTheHolderStalled_IsLostAtTheNextRenewal()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        var claims = first.Services.GetRequiredService<RunClaims>();
        await using var lease = await claims.ClaimAsync(opened.IncidentId, CancellationToken.None);
        var lost = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lease.Lost.Register(() => lost.TrySetResult(true));

        var now = first.Time.GetUtcNow();
        var other = await first.Store.ClaimRunAsync(opened.IncidentId, "other-coordinator", now, now.AddSeconds(30), takeOverFrom: claims.Holder, CancellationToken.None);
        first.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(other.Granted);
        Assert.True(await Eventually.Within(lost.Task, "the stalled holder noticing at its renewal that its claim was taken"));
    }

    [Fact]
    public async Task Watch_ChangeByAnotherCoordinator_ArrivesThroughNotifyWithoutAPollOrAWriteHere()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        using var cancel = new CancellationTokenSource();
        await using var watch = first.Service.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId, FromVersion = 1 }, Calls.Cancelling("viewer", cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync();

        // Neither clock moves: only PostgreSQL's notification of the commit can bring the change here.
        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "from the second coordinator" }, Calls.As("bob"));

        Assert.True(await Eventually.Within(next, "the other coordinator's note on this coordinator's watch"));
        Assert.Equal((2L, "changed by another coordinator"), (watch.Current.Version, watch.Current.Description));
        Assert.Equal("from the second coordinator", Assert.Single(watch.Current.Incident.Notes).Text);
        await cancel.CancelAsync();
    }
}
