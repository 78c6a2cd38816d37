using Grpc.Core;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>Call contexts as the gRPC layer would make them, for a named caller.</summary>
internal static class Calls
{
    public static CallOptions As(string caller) => new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, caller } }, cancellationToken: CancellationToken.None);

    public static CallOptions Cancelling(string caller, CancellationToken cancellationToken) => new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, caller } }, cancellationToken: cancellationToken);
}
