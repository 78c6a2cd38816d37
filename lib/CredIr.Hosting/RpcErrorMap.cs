using Grpc.Core;

namespace CredIr.Hosting;

/// <summary>
/// How one service's own exceptions become gRPC statuses (a refusal becomes INVALID_ARGUMENT,
/// FAILED_PRECONDITION... with a message that says what to fix). Registered in DI by the service for
/// its methods only (<paramref name="service"/>: "credir.v1.Identification"); applied by the error
/// interceptor, and by in-process calls. The function returns null for an exception it does not know:
/// the host answers UNKNOWN without details.
/// </summary>
public sealed class RpcErrorMap(string service, Func<Exception, RpcException?> map)
{
    private readonly string _prefix = "/" + service + "/";

    /// <summary>The status the service of <paramref name="method"/> ("/credir.v1.X/Method") gives <paramref name="exception"/>, or null.</summary>
    public static RpcException? Apply(IEnumerable<RpcErrorMap> maps, string method, Exception exception)
    {
        if (exception is RpcException)
        {
            return null;
        }

        foreach (var entry in maps)
        {
            if (method.StartsWith(entry._prefix, StringComparison.Ordinal) && entry.Map(exception) is { } mapped)
            {
                return mapped;
            }
        }

        return null;
    }

    private RpcException? Map(Exception exception) => map(exception);
}
