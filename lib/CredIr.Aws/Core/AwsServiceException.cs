using System.Net;

namespace CredIr.Aws;

/// <summary>An error returned by an AWS service (or the sandbox), parsed from the protocol's error shape.</summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the error; the message must hold no secret.</summary>
    public AwsServiceException(string service, string operation, HttpStatusCode httpStatus, string code, string errorMessage, string? requestId)
        : base($"{service} {operation} failed with {code} (HTTP {(int)httpStatus}, request id {requestId ?? "none"}): {errorMessage}")
    {
        Service = service;
        Operation = operation;
        HttpStatus = httpStatus;
        Code = code;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        IsThrottling = AwsErrorClassifier.IsThrottling(code, httpStatus);
        IsRetryable = IsThrottling || AwsErrorClassifier.IsTransient(code, httpStatus);
    }

    /// <inheritdoc />
    public AwsServiceException()
        : this("unknown", "unknown", HttpStatusCode.InternalServerError, "Unknown", string.Empty, null)
    {
    }

    /// <inheritdoc />
    public AwsServiceException(string message)
        : this("unknown", "unknown", HttpStatusCode.InternalServerError, "Unknown", message, null)
    {
    }

    /// <inheritdoc />
    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Service = "unknown";
        Operation = "unknown";
        Code = "Unknown";
        ErrorMessage = message;
    }

    /// <summary>The AWS error code, e.g. NoSuchEntity, AccessDenied, ThrottlingException.</summary>
    public string Code { get; }

    /// <summary>The service's own message.</summary>
    public string ErrorMessage { get; }

    /// <summary>The request id AWS gave the failed request.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode HttpStatus { get; }

    /// <summary>The service (e.g. "iam").</summary>
    public string Service { get; }

    /// <summary>The operation (e.g. "GetUser").</summary>
    public string Operation { get; }

    /// <summary>True for throttling, 5xx and transient errors: worth another attempt.</summary>
    public bool IsRetryable { get; }

    /// <summary>True when AWS throttled the request.</summary>
    public bool IsThrottling { get; }

    /// <summary>How many attempts were made before this error was given up on (1 when it was not retryable).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>
    /// S3: the region of the bucket, when the request went to or was signed for another one (a redirect or
    /// AuthorizationHeaderMalformed with <c>x-amz-bucket-region</c>, or the error's Region element).
    /// </summary>
    public string? BucketRegion { get; internal set; }
}
