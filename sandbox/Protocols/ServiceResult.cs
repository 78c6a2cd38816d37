using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace CredIr.Sandbox.Protocols;

/// <summary>
/// What an operation returns, before the protocol wraps it: the XResult children for query,
/// the response children for EC2, the JSON document for JSON protocols, raw bytes for S3 objects.
/// </summary>
internal sealed record ServiceResult
{
    public int Status { get; init; } = 200;
    public IReadOnlyList<XElement> Xml { get; init; } = [];
    public XElement? XmlRoot { get; init; }
    public JsonNode? Json { get; init; }
    public byte[]? Raw { get; init; }
    public string? ContentType { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static ServiceResult Of(params XElement[] xml) => new() { Xml = xml };

    public static ServiceResult Of(JsonNode json, int status = 200) => new() { Json = json, Status = status };

    public static ServiceResult Empty { get; } = new();
}
