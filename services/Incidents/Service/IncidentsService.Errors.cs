using System.Runtime.CompilerServices;
using CredIr.Grpc;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Service;

public sealed partial class IncidentsService
{
    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (Translate(exception) is { } rpc)
        {
            throw rpc;
        }
    }

    private static async IAsyncEnumerable<T> GuardStream<T>(IAsyncEnumerable<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var enumerator = stream.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception exception) when (Translate(exception) is { } rpc)
            {
                throw rpc;
            }

            yield return enumerator.Current;
        }
    }

    /// <summary>The gRPC status for a refusal; null for anything else (the host reports INTERNAL).</summary>
    internal static RpcException? Translate(Exception exception) => exception switch
    {
        IncidentException incident => new RpcException(StatusOf(incident.Kind), incident.Message),
        InvalidPageTokenException token => new RpcException(StatusCode.InvalidArgument, token.Message),
        _ when ClusterRetry.IsNodeFailure(exception) => new RpcException(StatusCode.Unavailable, "The node holding this incident could not be reached; the cluster moves it to a live node within seconds. Retry the call (with the same request id for a change)."),
        _ => null,
    };

    internal static StatusCode StatusOf(IncidentErrorKind kind) => kind switch
    {
        IncidentErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        IncidentErrorKind.NotFound => StatusCode.NotFound,
        IncidentErrorKind.PermissionDenied => StatusCode.PermissionDenied,
        IncidentErrorKind.Aborted => StatusCode.Aborted,
        _ => StatusCode.FailedPrecondition,
    };
}
