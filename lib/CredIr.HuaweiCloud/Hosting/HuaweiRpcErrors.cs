using System.Net;
using Grpc.Core;

namespace CredIr.HuaweiCloud.Hosting;

/// <summary>A refusal by Huawei Cloud as the gRPC status a caller acts on, with Huawei's own code and message.</summary>
public static class HuaweiRpcErrors
{
    public static RpcException ToRpc(HuaweiCloudException error) => new(new Status(error switch
    {
        { IsNotFound: true } => StatusCode.NotFound,
        { IsAuthenticationFailure: true } => StatusCode.FailedPrecondition,
        { Status: HttpStatusCode.Forbidden } => StatusCode.PermissionDenied,
        { IsTransient: true } => StatusCode.Unavailable,
        _ => StatusCode.FailedPrecondition,
    }, $"Huawei Cloud {error.Operation} failed: HTTP {(int)error.Status} {error.ErrorCode}: {error.ErrorMessage}"
        + (error.IsAuthenticationFailure ? " (CredIr's Huawei AK/SK, HuaweiCloud:AccessKeyId, was refused)" : "")));
}
