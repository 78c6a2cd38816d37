using System.Net;

namespace CredIr.HuaweiCloud;

/// <summary>
/// A Huawei Cloud API refused a call: the HTTP status with Huawei's own <see cref="ErrorCode"/> and
/// <see cref="ErrorMessage"/> (for example APIGW.0301 for a refused signature or AK, IAM's 1101..., CTS.xxxx).
/// </summary>
public sealed class HuaweiCloudException : Exception
{
    public HuaweiCloudException(HttpStatusCode status, string errorCode, string errorMessage, string? requestId, string operation)
        : base($"{operation} failed: HTTP {(int)status} {errorCode}: {errorMessage}{(requestId is null ? "" : $" (request {requestId})")}")
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
        : base(message, inner)
    {
        ErrorCode = "Unknown";
        ErrorMessage = message;
        Operation = "call";
    }

    public HttpStatusCode Status { get; }

    public string ErrorCode { get; }

    public string ErrorMessage { get; }

    public string? RequestId { get; }

    /// <summary>The client operation that failed (e.g. UpdateAccessKey).</summary>
    public string Operation { get; }

    /// <summary>The gateway refused the credentials (unknown, inactive or deleted AK, bad signature, stale X-Sdk-Date).</summary>
    public bool IsAuthenticationFailure => Status == HttpStatusCode.Unauthorized;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;
}
