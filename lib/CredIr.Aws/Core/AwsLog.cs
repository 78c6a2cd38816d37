using System.Net;
using Microsoft.Extensions.Logging;

namespace CredIr.Aws;

/// <summary>The library's structured log lines: identifiers only, never a secret.</summary>
internal static partial class AwsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "{Service} {Operation} for account {Account} in {Region} succeeded on attempt {Attempt} with HTTP {Status}, request id {RequestId}")]
    public static partial void Succeeded(ILogger logger, string service, string operation, string account, string region, int attempt, HttpStatusCode status, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{Service} {Operation} for account {Account} in {Region} failed on attempt {Attempt} with {Code} (HTTP {Status}, request id {RequestId}), retryable {Retryable}")]
    public static partial void ServiceError(ILogger logger, string service, string operation, string account, string region, int attempt, string code, HttpStatusCode status, string? requestId, bool retryable);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "{Service} {Operation} for account {Account} in {Region} failed on attempt {Attempt} without a response: {ErrorType}")]
    public static partial void TransportError(ILogger logger, string service, string operation, string account, string region, int attempt, string errorType);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Entered account {Account} as {RoleArn} (session {SessionName}), valid until {Expiration}")]
    public static partial void EnteredAccount(ILogger logger, string account, string roleArn, string sessionName, DateTimeOffset expiration);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
        Message = "Could not enter account {Account} as {RoleArn}: {Code}")]
    public static partial void AccountNotEntered(ILogger logger, string account, string roleArn, string code);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information,
        Message = "{Service} {Operation} in {Account}/{Region} was explicitly denied to a session of {RoleArn}: the role's older sessions may have been revoked; assuming the role again and retrying once")]
    public static partial void SessionRenewedAfterDeny(ILogger logger, string service, string operation, string account, string region, string roleArn);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information,
        Message = "S3 bucket {Bucket} is in {BucketRegion}, not {Region}: {Operation} signed again for {BucketRegion}, and its later requests too")]
    public static partial void BucketRegionFollowed(ILogger logger, string bucket, string bucketRegion, string region, string operation);
}
