using Grpc.Core;

namespace CredIr.Hosting;

public static class ServerCallContextExtensions
{
    internal const string CallerKey = "credir.caller";

    /// <summary>
    /// The authenticated caller of this call, or null when nobody authenticated it: set by the host's
    /// caller interceptor, or by the in-process invoker from the calling service's word.
    /// </summary>
    public static string? Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) ? caller as string : null;
}
