using CredIr.Aws;
using Grpc.Core;

namespace CredIr.Eradication.Cloud;

/// <summary>What AWS's error codes mean for eradication: the resource is already gone, or AWS refused because something still depends on it.</summary>
internal static class AwsCodes
{
    private static readonly HashSet<string> Gone = new(StringComparer.Ordinal)
    {
        "NoSuchEntity", "NoSuchBucket", "NoSuchKey", "NotFound", "ResourceNotFoundException",
        "InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed", "InvalidGroup.NotFound", "InvalidGroupId.Malformed", "InvalidKeyPair.NotFound",
    };

    public static bool IsGone(Exception error) => error is AwsServiceException aws && Gone.Contains(aws.Code);

    public static bool IsCloudError(Exception error) =>
        error is AwsServiceException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or IOException;

    /// <summary>The status a caller sees when AWS failed a read the whole call needs (a plan cannot be made from half the state).</summary>
    public static RpcException ToRpc(Exception error, string doing) => error switch
    {
        AwsServiceException { Code: "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" or "InvalidClientTokenId" or "ExpiredToken" or "SignatureDoesNotMatch" } aws =>
            new RpcException(new Status(StatusCode.PermissionDenied, $"{doing}: AWS refused the responder ({aws.Code}): {aws.ErrorMessage}")),
        AwsServiceException { IsRetryable: true } aws => new RpcException(new Status(StatusCode.Unavailable, $"{doing}: AWS is unavailable ({aws.Code}): {aws.ErrorMessage}")),
        AwsServiceException aws => new RpcException(new Status(StatusCode.Internal, $"{doing}: {aws.Service} {aws.Operation} failed: {aws.Code}: {aws.ErrorMessage}")),
        _ => new RpcException(new Status(StatusCode.Unavailable, $"{doing}: AWS could not be reached ({error.GetType().Name}).")),
    };

    public static string Describe(Exception error) => error is AwsServiceException aws
        ? $"{aws.Service} {aws.Operation} failed: {aws.Code}: {aws.ErrorMessage}"
        : $"AWS could not be reached ({error.GetType().Name}).";
}
