using System.Text.Json;
using Grpc.Core;

namespace CredIr.Gateway;

/// <summary>Writes a refusal as the caller's protocol expects: gRPC trailers-only, or JSON with the mapped HTTP status.</summary>
internal static class GatewayErrors
{
    public static bool IsGrpc(HttpContext http) =>
        http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpContext http, StatusCode status, string message)
    {
        if (http.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        if (IsGrpc(http))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/grpc";
            http.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }

        return WriteJsonAsync(http, status, message);
    }

    public static async Task WriteJsonAsync(HttpContext http, StatusCode status, string message)
    {
        http.Response.StatusCode = HttpStatus(status);
        http.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", StatusName(status));
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>grpc-gateway's mapping (runtime/errors.go HTTPStatusFromCode).</summary>
    public static int HttpStatus(StatusCode status) => status switch
    {
        StatusCode.OK => 200,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => 400,
        StatusCode.Unauthenticated => 401,
        StatusCode.PermissionDenied => 403,
        StatusCode.NotFound => 404,
        StatusCode.AlreadyExists or StatusCode.Aborted => 409,
        StatusCode.ResourceExhausted => 429,
        StatusCode.Unimplemented => 501,
        StatusCode.Unavailable => 503,
        StatusCode.DeadlineExceeded => 504,
        _ => 500,
    };

    public static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "UNKNOWN",
    };
}
