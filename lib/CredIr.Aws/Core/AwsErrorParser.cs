using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>
/// Reads an error from any of AWS's protocols: query/EC2/REST-XML bodies (&lt;Code&gt;, &lt;Message&gt;,
/// &lt;RequestId&gt; / &lt;RequestID&gt;), JSON bodies (__type, code, message), the x-amzn-ErrorType
/// header (REST-JSON), and bodiless responses (S3 HEAD), where only the status speaks.
/// </summary>
internal static class AwsErrorParser
{
    public static (string Code, string Message, string? RequestId) Parse(HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        string? code = null, message = null, requestId = null;
        var start = FirstNonSpace(body);
        if (start == '<')
        {
            ReadXml(body, ref code, ref message, ref requestId);
        }
        else if (start == '{')
        {
            ReadJson(body, ref code, ref message);
        }

        if (code is null && headers.TryGetValue("x-amzn-ErrorType", out var errorType))
        {
            code = errorType;
        }

        if (code is null && headers.TryGetValue("x-amzn-query-error", out var queryError))
        {
            code = queryError.Split(';')[0];
        }

        requestId ??= AwsHeaders.RequestId(headers);
        return (StripCode(code) ?? FromStatus(status), message ?? string.Empty, requestId);
    }

    private static char FirstNonSpace(byte[] body)
    {
        foreach (var b in body)
        {
            if (!char.IsWhiteSpace((char)b) && b != 0xEF && b != 0xBB && b != 0xBF)
            {
                return (char)b;
            }
        }

        return '\0';
    }

    private static void ReadXml(byte[] body, ref string? code, ref string? message, ref string? requestId)
    {
        try
        {
            using var stream = new MemoryStream(body);
            var doc = XDocument.Load(stream);
            code = First(doc, "Code");
            message = First(doc, "Message");
            requestId = First(doc, "RequestId") ?? First(doc, "RequestID");
        }
        catch (XmlException)
        {
            // Not XML after all (a proxy's error page): the status decides.
        }
    }

    private static string? First(XDocument doc, string name) =>
        doc.Descendants().FirstOrDefault(e => e.Name.LocalName == name && !e.HasElements)?.Value;

    private static void ReadJson(byte[] body, ref string? code, ref string? message)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (property.NameEquals("__type") || (code is null && (property.NameEquals("code") || property.NameEquals("Code"))))
                {
                    code = property.Value.GetString();
                }
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase) || property.NameEquals("errorMessage"))
                {
                    message = property.Value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the status decides.
        }
    }

    // "com.amazonaws.cloudtrail#ThrottlingException" and "AccessDeniedException:http://internal..." both mean the bare code.
    private static string? StripCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? code[..colon] : code).Trim();
    }

    private static string FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.BadRequest => "BadRequest",
        HttpStatusCode.MovedPermanently => "PermanentRedirect",
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        _ when (int)status >= 500 => "InternalError",
        _ => "HttpStatus" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
