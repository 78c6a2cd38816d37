using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.S3;

/// <summary>PutBucketTagging / GetBucketTagging / DeleteBucketTagging: the bucket's whole tag set, management events.</summary>
internal static class S3BucketTagging
{
    private const int MaxTags = 50;

    public static ServiceResult Handle(SandboxCall call, string bucketName) => call.Operation switch
    {
        "PutBucketTagging" => Put(call, bucketName),
        "GetBucketTagging" => S3Service.Authorized(call, "s3:GetBucketTagging", bucketName, b => b.Tags.Count == 0
            ? throw new AwsServiceException("NoSuchTagSet", "The TagSet does not exist", 404)
            : new ServiceResult { XmlRoot = E("Tagging", E("TagSet", b.Tags.Select(static t => (object)E("Tag", E("Key", t.Key), E("Value", t.Value))).ToArray())) }),
        _ => S3Service.Authorized(call, "s3:PutBucketTagging", bucketName, b =>
        {
            b.Tags.Clear();
            return new ServiceResult { Status = 204 };
        }),
    };

    private static ServiceResult Put(SandboxCall call, string bucketName)
    {
        var tags = Parse(call.Body);
        var parameters = (JsonObject)call.RequestParameters!;
        parameters["Tagging"] = new JsonObject
        {
            ["TagSet"] = new JsonObject { ["Tag"] = new JsonArray(tags.Select(static t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value }).ToArray()) },
        };
        return S3Service.Authorized(call, "s3:PutBucketTagging", bucketName, b =>
        {
            b.Tags.Clear();
            foreach (var (key, value) in tags)
            {
                b.Tags[key] = value;
            }

            return new ServiceResult();
        });
    }

    /// <summary>The Tagging document; S3 refuses a malformed one, a repeated key and more than 50 tags with InvalidTag / MalformedXML.</summary>
    private static List<(string Key, string Value)> Parse(byte[] body)
    {
        XElement root;
        try
        {
            root = XElement.Parse(Encoding.UTF8.GetString(body));
        }
        catch (XmlException)
        {
            throw new AwsServiceException("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);
        }

        var tags = root.Descendants().Where(static e => e.Name.LocalName == "Tag")
            .Select(static t => (Key: t.Elements().FirstOrDefault(static e => e.Name.LocalName == "Key")?.Value ?? "", Value: t.Elements().FirstOrDefault(static e => e.Name.LocalName == "Value")?.Value ?? ""))
            .ToList();
        if (tags.Count > MaxTags)
        {
            throw new AwsServiceException("InvalidTag", "Object tags cannot be greater than 50", 400);
        }

        if (tags.Any(static t => t.Key.Length == 0) || tags.Select(static t => t.Key).Distinct(StringComparer.Ordinal).Count() != tags.Count)
        {
            throw new AwsServiceException("InvalidTag", "Cannot provide multiple Tags with the same key", 400);
        }

        return tags;
    }
}
