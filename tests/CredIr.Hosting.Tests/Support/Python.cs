using System.Text.Json;
using CredIr.Tests;

namespace CredIr.Hosting.Tests.Support;

/// <summary>The Python client of these tests: the echo test service, health and reflection.</summary>
public static class Python
{
    private static readonly string Protos = Path.Combine(AppContext.BaseDirectory, "Protos");

    // python's own "grpc" package owns grpc.*, so the standard protos go under grpc_health/ and
    // grpc_reflection/ as in grpcio-health-checking and grpcio-reflection; the proto packages stay.
    private static readonly GrpcPython Client = new(
    [
        (Path.Combine(Protos, "echo.proto"), "credir/test/v1/echo.proto"),
        (Path.Combine(Protos, "grpc", "health", "v1", "health.proto"), "grpc_health/v1/health.proto"),
        (Path.Combine(Protos, "grpc", "reflection", "v1alpha", "reflection.proto"), "grpc_reflection/v1alpha/reflection.proto"),
    ]);

    public static Task<JsonElement> RunJsonAsync(string script, params string[] args) => Client.RunJsonAsync(script, args);

    public static Task<string> RunAsync(string script, params string[] args) => Client.RunAsync(script, args);
}
