using System.Text.Json;
using Xunit.Abstractions;

namespace CredIr.Cli.Tests;

/// <summary>
/// The fuzz suite: a seeded run of Debian's python3-grpcio against <c>credir serve</c> (a host of its own: the
/// run stores junk incidents), every method of every service, random and mutated messages, 1 ms deadlines and
/// cancelled calls. It fails on any UNKNOWN/INTERNAL/DATA_LOSS, a status message over 1 KiB, UNAVAILABLE from a
/// GOAWAY, a stored incident that no longer reads or reports, health not SERVING, or serve exiting.
/// </summary>
public sealed class GrpcFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 24;
    private const int Calls = 3000;
    private const int Seconds = 60;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string Protos = Path.Combine(AppContext.BaseDirectory, "Protos");

    private static readonly GrpcPython Python = new(
    [
        .. Directory.GetFiles(Path.Combine(Protos, "credir", "v1"), "*.proto").Select(f => (f, "credir/v1/" + Path.GetFileName(f))),
        (Path.Combine(Protos, "grpc", "health", "v1", "health.proto"), "grpc_health/v1/health.proto"),

        // incidents.proto's google.api.http rules (JSON transcoding) import these.
        (Path.Combine(Protos, "google", "api", "annotations.proto"), "google/api/annotations.proto"),
        (Path.Combine(Protos, "google", "api", "http.proto"), "google/api/http.proto"),
    ]);

    private readonly ServedHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Fuzz_SeededCallsToEveryMethod_NoUnknownNoCrashNoPoisonedIncident()
    {
        var result = await Python.RunJsonAsync("fuzz_grpc.py", new Uri(_host.Url).Authority, $"{Seed}", $"{Calls}", $"{Seconds}");

        // The counts, for the CI log: calls per method and status.
        output.WriteLine(JsonSerializer.Serialize(result, Indented));
        Assert.False(_host.ServeExited, "credir serve exited during the fuzz run");
        Assert.True(result.GetProperty("calls").GetInt32() >= 1000, $"only {result.GetProperty("calls").GetInt32()} calls were made in {Seconds} s");
        Assert.Equal("SERVING", result.GetProperty("health").GetString());
        Assert.True(result.GetProperty("problems").GetArrayLength() == 0, "problems: " + result.GetProperty("problems"));
    }
}
