using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CredIr.Sandbox.Protocols;
using Microsoft.AspNetCore.Http;

namespace CredIr.Sandbox.Hosting;

/// <summary>Wraps results and errors in each protocol's envelope (per the botocore models' protocols).</summary>
internal static class ResponseWriter
{
    private static readonly XNamespace S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static Task WriteAsync(HttpResponse response, ServiceModel service, string operation, string requestId, ServiceResult result, CancellationToken ct)
    {
        response.StatusCode = result.Status;
        Ids(response, service, requestId);
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        switch (service.Protocol)
        {
            case AwsProtocol.Query:
                var queryRoot = new XElement(operation + "Response");
                if (result.Xml.Count > 0)
                {
                    queryRoot.Add(new XElement(operation + "Result", result.Xml));
                }

                queryRoot.Add(new XElement("ResponseMetadata", new XElement("RequestId", requestId)));
                return Xml(response, Qualify(queryRoot, service.XmlNamespace!), ct);
            case AwsProtocol.Ec2:
                return Xml(response, Qualify(new XElement(operation + "Response", new XElement("requestId", requestId), result.Xml), service.XmlNamespace!), ct);
            case AwsProtocol.Json when result.Raw is not null:
                response.ContentType = "application/x-amz-json-1.1";
                response.ContentLength = result.Raw.Length;
                return response.Body.WriteAsync(result.Raw, ct).AsTask();
            case AwsProtocol.Json:
                return Json(response, result.Json ?? new JsonObject(), "application/x-amz-json-1.1", ct);
            case AwsProtocol.RestJson:
                return result.Json is null ? Task.CompletedTask : Json(response, result.Json, "application/json", ct);
            default:
                if (result.Raw is not null)
                {
                    response.ContentType = result.ContentType ?? "binary/octet-stream";
                    response.ContentLength = result.Raw.Length;
                    return response.Body.WriteAsync(result.Raw, ct).AsTask();
                }

                return result.XmlRoot is null ? Task.CompletedTask : Xml(response, Qualify(result.XmlRoot, S3Namespace), ct);
        }
    }

    public static Task WriteErrorAsync(HttpResponse response, ServiceModel? service, string requestId, AwsServiceException error, bool head, CancellationToken ct)
    {
        response.StatusCode = error.Status;
        var protocol = service?.Protocol ?? AwsProtocol.Query;
        if (service is not null)
        {
            Ids(response, service, requestId);
        }

        switch (protocol)
        {
            case AwsProtocol.Query:
                var ns = service?.XmlNamespace ?? ServiceModel.Iam.XmlNamespace!;
                return Xml(response, Qualify(new XElement("ErrorResponse",
                    new XElement("Error", new XElement("Type", error.Sender ? "Sender" : "Receiver"), new XElement("Code", error.Code), new XElement("Message", error.Message)),
                    new XElement("RequestId", requestId)), ns), ct);
            case AwsProtocol.Ec2:
                return Xml(response, new XElement("Response",
                    new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
                    new XElement("RequestID", requestId)), ct);
            case AwsProtocol.Json:
                return Json(response, new JsonObject { ["__type"] = error.Code, ["message"] = error.Message }, "application/x-amz-json-1.1", ct);
            case AwsProtocol.RestJson:
                response.Headers["x-amzn-ErrorType"] = error.Code;
                return Json(response, new JsonObject { ["Type"] = error.Sender ? "User" : "Service", ["message"] = error.Message, ["Message"] = error.Message }, "application/json", ct);
            default:
                if (error.BucketRegion is { } region)
                {
                    // As S3 answers a request signed for another region than its bucket's: the SDKs re-sign for it.
                    response.Headers["x-amz-bucket-region"] = region;
                }

                if (head)
                {
                    return Task.CompletedTask;
                }

                return Xml(response, new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message),
                    error.BucketRegion is null ? null : new XElement("Region", error.BucketRegion),
                    new XElement("RequestId", requestId), new XElement("HostId", HostId(requestId))), ct);
        }
    }

    private static void Ids(HttpResponse response, ServiceModel service, string requestId)
    {
        if (service.Protocol == AwsProtocol.RestXml)
        {
            response.Headers["x-amz-request-id"] = requestId;
            response.Headers["x-amz-id-2"] = HostId(requestId);
        }
        else
        {
            response.Headers["x-amzn-RequestId"] = requestId;
        }
    }

    private static string HostId(string requestId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(requestId));

    private static XElement Qualify(XElement root, XNamespace ns)
    {
        foreach (var e in root.DescendantsAndSelf())
        {
            e.Name = ns + e.Name.LocalName;
        }

        return root;
    }

    private static async Task Xml(HttpResponse response, XElement root, CancellationToken ct)
    {
        response.ContentType = "text/xml";
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting));
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct);
    }

    private static async Task Json(HttpResponse response, JsonNode node, string contentType, CancellationToken ct)
    {
        response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString(JsonText.Relaxed));
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct);
    }
}
