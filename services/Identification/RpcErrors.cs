using CredIr.Aws;
using CredIr.Hosting;
using Grpc.Core;
using CredIr.Identification.Cmdb;
using CredIr.Identification.Inputs;
using Microsoft.Extensions.Logging;

namespace CredIr.Identification;

/// <summary>Maps what went wrong to the gRPC status a caller acts on, with a message that says what to fix.</summary>
internal static class RpcErrors
{
    /// <summary>The service's error map for the error interceptor: every refusal logged (status and message, no secrets in either).</summary>
    public static RpcErrorMap Logged(ILogger logger) => new(Contracts.V1.Identification.Descriptor.FullName, exception =>
    {
        if (Map(exception) is not { } mapped)
        {
            return null;
        }

        IdentificationLog.Refused(logger, mapped.StatusCode.ToString(), mapped.Status.Detail);
        return mapped;
    });

    public static RpcException? Map(Exception exception) => exception switch
    {
        RpcException => null,
        InputValidationException invalid => new RpcException(new Status(StatusCode.InvalidArgument, invalid.Message)),
        PreconditionFailedException precondition => new RpcException(new Status(StatusCode.FailedPrecondition, precondition.Message)),
        CmdbFormatException cmdb => new RpcException(new Status(StatusCode.FailedPrecondition, cmdb.Message)),
        AwsServiceException { Code: "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" } denied =>
            new RpcException(new Status(StatusCode.PermissionDenied, $"CredIr's AWS credentials may not call {denied.Service}:{denied.Operation}: {denied.ErrorMessage}")),
        AwsServiceException { IsRetryable: true } busy =>
            new RpcException(new Status(StatusCode.Unavailable, $"{busy.Service}:{busy.Operation} kept failing with {busy.Code} after {busy.Attempts} attempts; try again later")),
        AwsServiceException aws => new RpcException(new Status(StatusCode.FailedPrecondition, $"{aws.Service}:{aws.Operation} failed with {aws.Code}: {aws.ErrorMessage}")),
        CredIr.HuaweiCloud.HuaweiCloudException huawei => CredIr.HuaweiCloud.Hosting.HuaweiRpcErrors.ToRpc(huawei),
        HttpRequestException http => new RpcException(new Status(StatusCode.Unavailable, $"AWS could not be reached: {http.Message}")),
        _ => null,
    };
}
