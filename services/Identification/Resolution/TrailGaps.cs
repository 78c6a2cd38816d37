using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Identification.Resolution;

/// <summary>What a trail that could not be read becomes: a source gap naming the account, region and AWS error.</summary>
internal static class TrailGaps
{
    public static bool IsCloudError(Exception error) =>
        error is AwsServiceException or CredIr.HuaweiCloud.HuaweiCloudException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or IOException;

    /// <summary>The error code of a trail not read yet on purpose (containment first).</summary>
    public const string DeferredCode = "Deferred";

    public static SourceGap Deferred(string accountId) => new()
    {
        AccountId = accountId,
        ErrorCode = DeferredCode,
        Reason = "CloudTrail not read yet: containment goes first on the key IAM resolved; the trail is read right after it and the compromise time revised",
    };

    public static SourceGap Of(string accountId, string region, string operation, Exception error)
    {
        var (code, message) = error switch
        {
            AwsServiceException aws => (aws.Code, $"{operation} failed: {aws.Code}{(aws.IsRetryable ? $" after {aws.Attempts} attempts" : "")}: {aws.ErrorMessage}"),
            CredIr.HuaweiCloud.HuaweiCloudException huawei => (huawei.ErrorCode, $"{huawei.Operation} failed: HTTP {(int)huawei.Status} {huawei.ErrorCode}: {huawei.ErrorMessage}"),
            _ => (error.GetType().Name, $"{operation} could not reach AWS ({error.GetType().Name})"),
        };
        return new SourceGap
        {
            AccountId = accountId,
            Region = region,
            ErrorCode = code,
            Reason = $"{message}; the compromise time is estimated without these records and is revisited when CloudTrail answers",
        };
    }
}
