using System.Text.Json;
using CredIr.Tests;

namespace CredIr.Gateway.Tests.Support;

/// <summary>The Python client of these tests: every credir.v1 service (with the google.api protos they import), and health.</summary>
internal static class Python
{
    private static readonly string Protos = Path.Combine(AppContext.BaseDirectory, "Protos");

    // python's own "grpc" package owns grpc.*, so the health proto goes under grpc_health/.
    private static readonly GrpcPython Client = new(
    [
        .. Directory.GetFiles(Path.Combine(Protos, "credir", "v1"), "*.proto").Select(f => (f, "credir/v1/" + Path.GetFileName(f))),
        (Path.Combine(Protos, "grpc", "health", "v1", "health.proto"), "grpc_health/v1/health.proto"),
        // incidents.proto's google.api.http rules (JSON transcoding) import these.
        (Path.Combine(Protos, "google", "api", "annotations.proto"), "google/api/annotations.proto"),
        (Path.Combine(Protos, "google", "api", "http.proto"), "google/api/http.proto"),
    ]);

    public static Task<JsonElement> RunJsonAsync(string script, params string[] args) => Client.RunJsonAsync(script, args);
}
