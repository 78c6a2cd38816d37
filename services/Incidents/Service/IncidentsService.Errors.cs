using CredIr.Hosting;
using Grpc.Core;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Service;

public sealed partial class IncidentsService
{
    /// <summary>credir.v1.Incidents' refusals as statuses, for the error interceptor and in-process calls.</summary>
    public static RpcErrorMap ErrorMap { get; } = new(Contracts.V1.Incidents.Descriptor.FullName, Translate);

    /// <summary>The gRPC status for a refusal; null for anything else (the host reports INTERNAL).</summary>
    internal static RpcException? Translate(Exception exception) => exception switch
    {
        IncidentException incident => new RpcException(new Status(StatusOf(incident.Kind), incident.Message)),
        InvalidPageTokenException token => new RpcException(new Status(StatusCode.InvalidArgument, token.Message)),
        _ when ClusterRetry.IsNodeFailure(exception) => new RpcException(new Status(StatusCode.Unavailable, "The node holding this incident could not be reached; the cluster moves it to a live node within seconds. Retry the call (with the same request id for a change).")),
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
