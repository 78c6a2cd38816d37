using CredIr.Aws;
using Grpc.Core;

namespace CredIr.Containment.Cloud;

/// <summary>Maps what AWS answered the responder to the status the caller of the service sees.</summary>
internal static class AwsErrors
{
    private static readonly HashSet<string> Refusals = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "Client.UnauthorizedOperation",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
    };

    public static bool IsRefusal(string code) => Refusals.Contains(code);

    public static RpcException ToRpc(Exception error, string doing) => error switch
    {
        RpcException rpc => rpc,
        AwsServiceException { Code: "NoSuchEntity" } aws => new RpcException(new Status(StatusCode.NotFound, $"{doing}: {aws.ErrorMessage}")),
        AwsServiceException aws when IsRefusal(aws.Code) =>
            new RpcException(new Status(StatusCode.PermissionDenied, $"{doing}: AWS refused the responder ({aws.Code}): {aws.ErrorMessage}")),
        AwsServiceException { IsRetryable: true } aws =>
            new RpcException(new Status(StatusCode.Unavailable, $"{doing}: AWS is unavailable after {aws.Attempts} attempts ({aws.Code}): {aws.ErrorMessage}")),
        AwsServiceException aws => new RpcException(new Status(StatusCode.Internal, $"{doing}: {aws.Code}: {aws.ErrorMessage}")),
        HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or IOException =>
            new RpcException(new Status(StatusCode.Unavailable, $"{doing}: AWS could not be reached ({error.GetType().Name}).")),
        _ => new RpcException(new Status(StatusCode.Internal, $"{doing}: {error.GetType().Name}.")),
    };

    public static bool IsCloudError(Exception error) =>
        error is AwsServiceException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or IOException;
}
