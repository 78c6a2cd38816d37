using CredIr.Aws;
using Grpc.Core;
using CredIr.Recovery.Cmdb;

namespace CredIr.Recovery;

/// <summary>Maps what went wrong to the gRPC status a caller acts on, with a message that says what to fix.</summary>
internal static class RpcErrors
{
    public static RpcException? Map(Exception exception) => exception switch
    {
        RpcException => null,
        CmdbUnavailableException cmdb => new RpcException(new Status(StatusCode.FailedPrecondition, cmdb.Message)),
        AwsServiceException { Code: "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" or "AllAccessDisabled" } denied =>
            new RpcException(new Status(StatusCode.PermissionDenied, $"CredIr's AWS credentials may not call {denied.Service}:{denied.Operation}: {denied.ErrorMessage}")),
        AwsServiceException { IsRetryable: true } busy =>
            new RpcException(new Status(StatusCode.Unavailable, $"{busy.Service}:{busy.Operation} kept failing with {busy.Code} after {busy.Attempts} attempts; try again later")),
        AwsServiceException aws => new RpcException(new Status(StatusCode.FailedPrecondition, $"{aws.Service}:{aws.Operation} failed with {aws.Code}: {aws.ErrorMessage}")),
        HttpRequestException http => new RpcException(new Status(StatusCode.Unavailable, $"AWS could not be reached: {http.Message}")),
        _ => null,
    };
}
