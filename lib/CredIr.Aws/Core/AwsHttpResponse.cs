using System.Net;

namespace CredIr.Aws;

/// <summary>A successful response: status, headers (case-insensitive) and the whole body.</summary>
internal sealed record AwsHttpResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? RequestId)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
