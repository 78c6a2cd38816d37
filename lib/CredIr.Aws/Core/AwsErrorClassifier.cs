using System.Net;

namespace CredIr.Aws;

/// <summary>Which AWS error codes are throttling or transient (the AWS SDKs' standard retry mode lists).</summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "InternalServerErrorException", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
    };

    public static bool IsThrottling(string code, HttpStatusCode status) =>
        ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests;

    public static bool IsTransient(string code, HttpStatusCode status) =>
        TransientCodes.Contains(code) || (int)status >= 500;
}
