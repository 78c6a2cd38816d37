using System.Text.Json;
using CredIr.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;

namespace CredIr.Cli.Tests;

/// <summary>
/// An incident stored with a compromise time out of range (as servers stored before they refused such times)
/// still shows, as JSON and as a report: the CLI says the value is invalid instead of dying with a stack trace.
/// A host of its own: the incident is written straight into its store.
/// </summary>
public sealed class StoredInvalidValuesTests : IAsyncLifetime
{
    private const string Id = "inc-20260301-120000-0badc0de";
    private readonly ServedHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var incident = new Incident
        {
            IncidentId = Id,
            Version = 1,
            Phase = Phase.Opened,
            Title = "Leaked key",
            OpenedAt = at,
            UpdatedAt = at,
            OpenedBy = "alice",
            Input = new IdentificationInput { AccessKeyId = "AKIAEXAMPLE0000001" },
            CompromiseWindow = new CompromiseWindow { Start = new Timestamp { Seconds = 253_402_300_800 }, Basis = CompromiseTimeBasis.Responder },
        };
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.Folder, "credir.db")}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO incidents (id, etag, version, phase, updated_at, state) VALUES ($id, 'poisoned', 1, 1, 0, $state)";
        insert.Parameters.AddWithValue("$id", Id);
        insert.Parameters.AddWithValue("$state", incident.ToByteArray());
        await insert.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task IncidentsShow_AStoredInvalidTime_ShowsItAsInvalid()
    {
        var result = await _host.RunAsync("incidents", "show", Id);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("invalid (seconds=253402300800, nanos=0)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentsShowJson_AStoredInvalidTime_LeavesItOutAndSaysSo()
    {
        var result = await _host.RunAsync("incidents", "show", Id, "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Id, json.RootElement.GetProperty("incidentId").GetString());
        Assert.Contains("compromise_window.start holds an invalid time", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AStoredInvalidTime_RendersWithANoteNamingIt()
    {
        var result = await _host.RunAsync("report", Id, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("compromise_window.start is not a valid time", result.Stdout, StringComparison.Ordinal);
    }
}
