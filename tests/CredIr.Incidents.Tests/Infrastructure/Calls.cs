using CredIr.Grpc;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>Call contexts as the gRPC layer would make them, for a named caller.</summary>
internal static class Calls
{
    public static CallContext As(string caller) => CallContext.InProcess(CancellationToken.None, caller);

    public static CallContext Cancelling(string caller, CancellationToken cancellationToken) => CallContext.InProcess(cancellationToken, caller);
}
