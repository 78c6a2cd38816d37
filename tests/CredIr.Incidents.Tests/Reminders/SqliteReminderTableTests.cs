using CredIr.Incidents.Cluster;
using CredIr.Incidents.Storage.Sqlite;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Reminders;

/// <summary>The embedded silo's reminder table, on a real (migrated) incident file.</summary>
public sealed class SqliteReminderTableTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string File => Path.Combine(_directory.Path, "credir.db");

    public async Task InitializeAsync()
    {
        await using var store = new SqliteIncidentStore(File, TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Upsert_ThenReadFromAnotherTable_ReturnsTheEntryWithItsScheduleAndETag()
    {
        var grain = GrainId.Create("incident", "inc-1");
        var start = new DateTime(2026, 3, 1, 12, 5, 0, DateTimeKind.Utc);
        var etag = await new SqliteReminderTable(File).UpsertRow(Entry(grain, "post-containment-watch", start));

        var read = await new SqliteReminderTable(File).ReadRow(grain, "post-containment-watch");

        Assert.NotNull(read);
        Assert.Equal((grain, start, TimeSpan.FromMinutes(5), etag), (read.GrainId, read.StartAt, read.Period, read.ETag));
        Assert.Null(await new SqliteReminderTable(File).ReadRow(grain, "phase-retry"));
    }

    [Fact]
    public async Task RemoveRow_StaleETag_IsRefusedAndTheReminderStays()
    {
        var table = new SqliteReminderTable(File);
        var grain = GrainId.Create("incident", "inc-1");
        var first = await table.UpsertRow(Entry(grain, "phase-retry", DateTime.UtcNow));
        var second = await table.UpsertRow(Entry(grain, "phase-retry", DateTime.UtcNow.AddMinutes(2)));

        Assert.False(await table.RemoveRow(grain, "phase-retry", first!));
        Assert.NotNull(await table.ReadRow(grain, "phase-retry"));
        Assert.True(await table.RemoveRow(grain, "phase-retry", second!));
        Assert.Null(await table.ReadRow(grain, "phase-retry"));
    }

    [Fact]
    public async Task ReadRows_RingRanges_EachGrainInExactlyOneOfTwoComplementaryRanges()
    {
        var table = new SqliteReminderTable(File);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("incident", $"inc-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "post-containment-watch", DateTime.UtcNow));
        }

        // Two silos splitting the ring at these points: (a, b] and the wrapping (b, a].
        var a = grains[3].GetUniformHashCode();
        var b = grains[7].GetUniformHashCode();
        var one = (await table.ReadRows(a, b)).Reminders.Select(r => r.GrainId).ToList();
        var other = (await table.ReadRows(b, a)).Reminders.Select(r => r.GrainId).ToList();

        Assert.Equal(grains.Order(), one.Concat(other).Order());
        Assert.Empty(one.Intersect(other));
        Assert.Contains(grains[7], one);
        Assert.Contains(grains[3], other);
    }

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = startAt,
        Period = TimeSpan.FromMinutes(5),
    };
}
