namespace CredIr.Contracts.Calls;

/// <summary>Deadlines for calls through the generated clients.</summary>
public static class Deadlines
{
    /// <summary>
    /// <paramref name="timeout"/> from now. gRPC deadlines are instants on the wall clock (they travel as
    /// grpc-timeout, measured by Grpc.Net.Client on the system clock), so this reads the system clock, never
    /// a host's injected one: a test's fake clock in 2024 must not make every call expire before it starts.
    /// </summary>
    public static DateTime After(TimeSpan timeout) => TimeProvider.System.GetUtcNow().UtcDateTime + timeout;
}
