using System.Net;

namespace CredIr.HuaweiCloud;

/// <summary>
/// A Huawei Cloud API refused a call: the HTTP status with Huawei's own <see cref="ErrorCode"/> and
/// <see cref="ErrorMessage"/> (for example APIGW.0301 for a refused signature or AK, IAM's 1101..., CTS.xxxx).
/// </summary>
public sealed class HuaweiCloudException : Exception
{
    public HuaweiCloudException(HttpStatusCode status, string errorCode, string errorMessage, string? requestId, string operation, Exception? inner = null)
        : base($"{operation} failed: HTTP {(int)status} {errorCode}: {errorMessage}{(requestId is null ? "" : $" (request {requestId})")}", inner)
    {
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        Operation = operation;
    }

    public HuaweiCloudException()
        : this(HttpStatusCode.InternalServerError, "Unknown", "unknown error", null, "call")
    {
    }

    public HuaweiCloudException(string message)
        : this(HttpStatusCode.InternalServerError, "Unknown", message, null, "call")
    {
    }

    public HuaweiCloudException(string message, Exception inner)
        : this(HttpStatusCode.InternalServerError, "Unknown", message, null, "call", inner)
    {
    }

    /// <summary>The client's own codes when Huawei never answered: no answer within the call timeout, or no connection.</summary>
    public const string TimeoutCode = "Timeout";

    public const string UnreachableCode = "Unreachable";

    public HttpStatusCode Status { get; }

    public string ErrorCode { get; }

    public string ErrorMessage { get; }

    public string? RequestId { get; }

    /// <summary>The client operation that failed (e.g. UpdateAccessKey).</summary>
    public string Operation { get; }

    /// <summary>The gateway refused the credentials (unknown, inactive or deleted AK, bad signature, stale X-Sdk-Date).</summary>
    public bool IsAuthenticationFailure => Status == HttpStatusCode.Unauthorized;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    /// <summary>Huawei never answered (timeout, connection refused): retrying may help, the cloud is unchanged as far as is known.</summary>
    public bool IsTransient => ErrorCode is TimeoutCode or UnreachableCode || (int)Status >= 500 || Status == HttpStatusCode.TooManyRequests;
}
