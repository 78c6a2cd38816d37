using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>Namespace-blind reading of AWS's XML responses (each service has its own namespace).</summary>
internal static class Xml
{
    public static XElement Load(AwsHttpResponse response)
    {
        if (response.Body.Length == 0)
        {
            throw new FormatException($"The service answered HTTP {(int)response.Status} with an empty body where XML was expected (request id {response.RequestId ?? "none"}).");
        }

        using var stream = new MemoryStream(response.Body);
        return XDocument.Load(stream).Root ?? throw new FormatException("The response has no XML root element.");
    }

    /// <summary>The &lt;{Operation}Result&gt; element of a query-protocol response.</summary>
    public static XElement QueryResult(AwsHttpResponse response, string operation)
    {
        var root = Load(response);
        return root.Child(operation + "Result") ?? root;
    }

    /// <summary>The request id in the body (ResponseMetadata/RequestId, EC2 requestId), else the header.</summary>
    public static string? RequestId(XElement root, AwsHttpResponse response) =>
        root.AncestorsAndSelf().Last().Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "requestId")?.Value
        ?? response.RequestId;

    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static IEnumerable<XElement> Children(this XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == name);

    /// <summary>The entries of a list element: &lt;member&gt; (query) or &lt;item&gt; (EC2).</summary>
    public static IEnumerable<XElement> Items(this XElement element, string listName) =>
        element.Child(listName)?.Elements().Where(e => e.Name.LocalName is "member" or "item") ?? [];

    public static string? Str(this XElement element, string name) => element.Child(name)?.Value;

    public static string Required(this XElement element, string name) =>
        element.Str(name) ?? throw new FormatException($"The response lacks <{name}> in <{element.Name.LocalName}>.");

    public static bool Bool(this XElement element, string name) =>
        string.Equals(element.Str(name), "true", StringComparison.OrdinalIgnoreCase);

    public static int? Int(this XElement element, string name) =>
        int.TryParse(element.Str(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static long? Long(this XElement element, string name) =>
        long.TryParse(element.Str(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static DateTimeOffset? Time(this XElement element, string name) => ParseTime(element.Str(name));

    /// <summary>ISO 8601 (query, EC2, S3 bodies) or RFC 1123 (HTTP headers).</summary>
    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>IAM returns policy documents URL-encoded.</summary>
    public static string? PolicyDocument(this XElement element, string name)
    {
        var raw = element.Str(name);
        return raw is null ? null : WebUtility.UrlDecode(raw);
    }
}
