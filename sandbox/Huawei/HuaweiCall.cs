using System.Net;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>One authenticated call: what came in, and what the handler says CTS should record about it.</summary>
internal sealed class HuaweiCall
{
    public required string Service { get; init; }
    public required string Region { get; init; }
    public required string Method { get; init; }
    /// <summary>The API path's segments after the service (and region) prefix: v3.0, OS-USER, users, {id}.</summary>
    public required IReadOnlyList<string> Segments { get; init; }
    public required IReadOnlyDictionary<string, string> Query { get; init; }
    public JsonObject? Body { get; init; }
    public required HwCaller Caller { get; init; }
    public required DateTimeOffset Time { get; init; }

    /// <summary>The trace name of a call no handler took (an API that does not exist): not recorded.</summary>
    public const string Unrouted = "";

    public string TraceName { get; set; } = Unrouted;
    public string ResourceType { get; set; } = "-";
    public string? ResourceName { get; set; }
    public string? ResourceId { get; set; }
    public string ApiVersion { get; set; } = "3.0";
}

/// <summary>A handler's answer: the status and body; secrets in it are masked before CTS records it.</summary>
internal sealed record HuaweiResult(HttpStatusCode Status, JsonNode? Body);
