using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Scenarios;

/// <summary>Turns a step (service, action, parameters in the API's own names) into the HTTP request an SDK would send.</summary>
internal static class StepRequestBuilder
{
    private static readonly Dictionary<string, string> QueryVersions = new(StringComparer.Ordinal)
    {
        ["iam"] = "2010-05-08",
        ["sts"] = "2011-06-15",
        ["ec2"] = "2016-11-15",
    };

    public static (HttpRequestMessage Request, byte[] Body) Build(Uri endpoint, ScenarioStep step)
    {
        var service = ServiceModel.Find(step.Service)!;
        var p = step.Parameters;
        switch (service.Protocol)
        {
            case AwsProtocol.Query or AwsProtocol.Ec2:
                var form = new List<KeyValuePair<string, string>> { new("Action", step.Action), new("Version", QueryVersions[service.SigningName]) };
                foreach (var (name, value) in p)
                {
                    Flatten(form, name, value, service.Protocol == AwsProtocol.Ec2);
                }

                var body = Encoding.UTF8.GetBytes(string.Join('&', form.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value))));
                return (Message(HttpMethod.Post, new Uri(endpoint, "/"), body, "application/x-www-form-urlencoded; charset=utf-8"), body);
            case AwsProtocol.Json:
                var json = Encoding.UTF8.GetBytes(p.ToJsonString());
                var message = Message(HttpMethod.Post, new Uri(endpoint, "/"), json, "application/x-amz-json-1.1");
                message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{service.TargetPrefix}.{step.Action}");
                return (message, json);
            default:
                return Rest(endpoint, service.SigningName, step.Action, p);
        }
    }

    private static (HttpRequestMessage, byte[]) Rest(Uri endpoint, string service, string action, JsonObject p)
    {
        string S(string name) => p[name]?.GetValue<string>() ?? throw new ScenarioException($"parameter {name} is required for {service}:{action}");
        string E(string value) => Uri.EscapeDataString(value);
        byte[] body = [];
        (HttpMethod method, string path) = (service, action) switch
        {
            ("s3", "ListBuckets") => (HttpMethod.Get, "/"),
            ("s3", "CreateBucket") => (HttpMethod.Put, $"/{S("Bucket")}"),
            ("s3", "DeleteBucket") => (HttpMethod.Delete, $"/{S("Bucket")}"),
            ("s3", "ListObjectsV2") => (HttpMethod.Get, $"/{S("Bucket")}?list-type=2" + (p["Prefix"] is { } px ? $"&prefix={E(px.GetValue<string>())}" : "")),
            ("s3", "GetBucketVersioning") => (HttpMethod.Get, $"/{S("Bucket")}?versioning"),
            ("s3", "ListObjectVersions") => (HttpMethod.Get, $"/{S("Bucket")}?versions"),
            ("s3", "PutObject") => (HttpMethod.Put, $"/{S("Bucket")}/{EscapeKey(S("Key"))}"),
            ("s3", "GetObject") => (HttpMethod.Get, $"/{S("Bucket")}/{EscapeKey(S("Key"))}" + (p["VersionId"] is { } v ? $"?versionId={E(v.GetValue<string>())}" : "")),
            ("s3", "DeleteObject") => (HttpMethod.Delete, $"/{S("Bucket")}/{EscapeKey(S("Key"))}" + (p["VersionId"] is { } dv ? $"?versionId={E(dv.GetValue<string>())}" : "")),
            ("lambda", "CreateFunction") => (HttpMethod.Post, "/2015-03-31/functions"),
            ("lambda", "ListFunctions") => (HttpMethod.Get, "/2015-03-31/functions/"),
            ("lambda", "GetFunction") => (HttpMethod.Get, $"/2015-03-31/functions/{E(S("FunctionName"))}"),
            ("lambda", "DeleteFunction") => (HttpMethod.Delete, $"/2015-03-31/functions/{E(S("FunctionName"))}"),
            ("guardduty", "ListDetectors") => (HttpMethod.Get, "/detector"),
            ("guardduty", "ListFindings") => (HttpMethod.Post, $"/detector/{S("DetectorId")}/findings"),
            ("guardduty", "GetFindings") => (HttpMethod.Post, $"/detector/{S("DetectorId")}/findings/get"),
            _ => throw new ScenarioException($"{service}:{action} is not an operation scenario steps can call"),
        };
        var contentType = "application/json";
        if (service == "s3" && action == "PutObject")
        {
            body = Encoding.UTF8.GetBytes(p["Body"]?.GetValue<string>() ?? "");
            contentType = "text/plain";
        }
        else if (service == "lambda" && action == "CreateFunction")
        {
            body = Encoding.UTF8.GetBytes(p.ToJsonString());
        }
        else if (service == "guardduty" && method == HttpMethod.Post)
        {
            var copy = new JsonObject(p.Where(kv => kv.Key != "DetectorId").Select(kv => KeyValuePair.Create(QueryParams.Camel(kv.Key), kv.Value?.DeepClone())));
            body = Encoding.UTF8.GetBytes(copy.ToJsonString());
        }

        return (Message(method, new Uri(endpoint, path), body, contentType), body);
    }

    private static string EscapeKey(string key) => string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private static HttpRequestMessage Message(HttpMethod method, Uri uri, byte[] body, string contentType)
    {
        var message = new HttpRequestMessage(method, uri);
        if (body.Length > 0 || method == HttpMethod.Post || method == HttpMethod.Put)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return message;
    }

    /// <summary>Query lists are Name.member.N (EC2: Name.N), structures Name.Field; policy documents may be given as JSON objects.</summary>
    private static void Flatten(List<KeyValuePair<string, string>> form, string name, JsonNode? value, bool ec2)
    {
        switch (value)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(form, ec2 ? $"{name}.{i + 1}" : $"{name}.member.{i + 1}", array[i], ec2);
                }

                break;
            case JsonObject obj when name.EndsWith("Document", StringComparison.Ordinal) || name == "Policy":
                form.Add(new(name, obj.ToJsonString()));
                break;
            case JsonObject obj:
                foreach (var (field, inner) in obj)
                {
                    Flatten(form, $"{name}.{field}", inner, ec2);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.True || v.GetValueKind() == JsonValueKind.False:
                form.Add(new(name, v.GetValue<bool>() ? "true" : "false"));
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                form.Add(new(name, v.ToJsonString()));
                break;
            case JsonValue v:
                form.Add(new(name, v.GetValue<string>()));
                break;
        }
    }
}
