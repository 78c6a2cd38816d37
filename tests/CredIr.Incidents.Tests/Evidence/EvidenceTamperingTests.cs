using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CredIr.Incidents.Tests.Evidence;

public sealed class EvidenceTamperingTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private IncidentHarness? _harness;
    private string _incidentId = string.Empty;

    private IncidentHarness Harness => _harness!;

    private string DatabasePath => Path.Combine(_directory.Path, "credir.db");

    public async Task InitializeAsync()
    {
        _harness = await IncidentHarness.StartAsync("sqlite:" + DatabasePath);
        var opened = await Harness.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        _incidentId = opened.IncidentId;
        for (var i = 1; i <= 4; i++)
        {
            await Harness.Service.AddNoteAsync(new AddNoteRequest { IncidentId = _incidentId, Text = $"observation {i}" }, Calls.As("alice"));
        }
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task UntouchedLog_VerifiesIntact()
    {
        var result = await Verify();
        var exported = await Harness.Service.ExportEvidence(new ExportEvidenceRequest { IncidentId = _incidentId }, Calls.As("auditor")).Responses().ToListAsync();

        Assert.True(result.Intact, result.Message);
        Assert.Equal(5, result.Entries);
        Assert.Equal(exported[^1].Hash, result.HeadHash);
        Assert.Equal(exported[0].Hash, exported[1].PreviousHash);
        Assert.Equal(["opened", "note", "note", "note", "note"], exported.Select(e => e.Kind));
    }

    [Fact]
    public async Task EditedPayload_IsReportedAtThatEntry()
    {
        await Sql("UPDATE evidence SET payload_json = '{\"version\":99}' WHERE sequence = 3");

        var result = await Verify();

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("altered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedEntry_IsReportedWhereTheGapIs()
    {
        await Sql("DELETE FROM evidence WHERE sequence = 2");

        var result = await Verify();

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public async Task SwappedEntries_AreDetected()
    {
        await Sql("UPDATE evidence SET sequence = -1 WHERE sequence = 2; UPDATE evidence SET sequence = 2 WHERE sequence = 3; UPDATE evidence SET sequence = 3 WHERE sequence = -1;");

        var result = await Verify();

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBadSequence);
    }

    private Task<VerifyEvidenceResponse> Verify() =>
        Harness.Service.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = _incidentId }, Calls.As("auditor")).ResponseAsync;

    private async Task Sql(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.True(await command.ExecuteNonQueryAsync() > 0, "the tampering statement changed nothing");
    }
}
