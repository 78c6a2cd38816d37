using System.Net;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>A Huawei API refusal, answered in the body shape the API uses.</summary>
internal sealed class HuaweiApiException : Exception
{
    public HuaweiApiException(HttpStatusCode status, string code, string message, bool keystone = false)
        : base(message)
    {
        Status = status;
        Code = code;
        Keystone = keystone;
    }

    public HuaweiApiException()
        : this(HttpStatusCode.InternalServerError, "APIGW.0101", "error")
    {
    }

    public HuaweiApiException(string message)
        : this(HttpStatusCode.BadRequest, "APIGW.0101", message)
    {
    }

    public HuaweiApiException(string message, Exception inner)
        : base(message, inner)
    {
        Status = HttpStatusCode.BadRequest;
        Code = "APIGW.0101";
    }

    public HttpStatusCode Status { get; }

    public string Code { get; }

    /// <summary>Keystone-style {error: {code, message, title}} (IAM's v3 APIs, and its 404s) instead of {error_code, error_msg}.</summary>
    public bool Keystone { get; }

    public JsonObject Body(string requestId) => Keystone
        ? new JsonObject { ["error"] = new JsonObject { ["code"] = (int)Status, ["message"] = Message, ["title"] = Title(Status) } }
        : new JsonObject { ["error_code"] = Code, ["error_msg"] = Message, ["request_id"] = requestId };

    /// <summary>The API gateway's refusal of the credentials (what Huawei answers for a bad, unknown, inactive or deleted AK).</summary>
    public static HuaweiApiException Unauthenticated(string why) =>
        new(HttpStatusCode.Unauthorized, "APIGW.0301", $"Incorrect IAM authentication information: {why}");

    public static HuaweiApiException NotFound(string what) => new(HttpStatusCode.NotFound, "404", $"Could not find {what}.", keystone: true);

    public static HuaweiApiException BadRequest(string code, string message) => new(HttpStatusCode.BadRequest, code, message);

    private static string Title(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.Unauthorized => "Unauthorized",
        _ => "Bad Request",
    };
}
