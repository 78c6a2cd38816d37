using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.Lambda;

/// <summary>Lambda over REST-JSON. Event names carry the API version, as CloudTrail records them.</summary>
internal sealed class LambdaService : ISandboxService
{
    private const string Version = "2015-03-31";

    public ServiceModel Descriptor => ServiceModel.Lambda;

    public string? Resolve(RequestLine line)
    {
        if (line.Segments.Count < 2 || line.Segments[0] != Version || line.Segments[1] != "functions")
        {
            return null;
        }

        return (line.Method, line.Segments.Count) switch
        {
            ("POST", 2) => "CreateFunction20150331",
            ("GET", 2) => "ListFunctions20150331",
            ("GET", 3) => "GetFunction20150331v2",
            ("DELETE", 3) => "DeleteFunction20150331",
            _ => null,
        };
    }

    public ServiceResult Handle(SandboxCall call) => call.Operation switch
    {
        "CreateFunction20150331" => Create(call),
        "ListFunctions20150331" => List(call),
        "GetFunction20150331v2" => Get(call),
        _ => Delete(call),
    };

    private static ServiceResult Create(SandboxCall call)
    {
        var body = call.Json;
        var name = body["FunctionName"]?.GetValue<string>() ?? throw Invalid("FunctionName");
        var role = body["Role"]?.GetValue<string>() ?? throw Invalid("Role");
        var arn = call.Arn("lambda", $"function:{name}");
        call.Authorize("lambda:CreateFunction", arn);
        // Creating a function passes its execution role: the caller needs iam:PassRole on it.
        call.Authorize("iam:PassRole", role);
        var tags = (body["Tags"] as JsonObject)?.ToDictionary(static t => t.Key, static t => t.Value?.GetValue<string>() ?? "", StringComparer.Ordinal) ?? [];
        if (tags.Count > 0)
        {
            call.Authorize("lambda:TagResource", arn);
        }

        var code = Convert.FromBase64String(body["Code"]?["ZipFile"]?.GetValue<string>() ?? "");
        var parameters = (JsonObject)Hosting.JsonNames.Camel(body)!;
        parameters.Remove("code");
        call.RequestParameters = parameters;
        lock (call.State.Gate)
        {
            if (!RoleExists(call.State, role))
            {
                throw new AwsServiceException("InvalidParameterValueException", "The role defined for the function cannot be assumed by Lambda.", 400);
            }

            if (call.Account.Functions.Values.Any(f => f.Name == name && f.Region == call.Region))
            {
                throw new AwsServiceException("ResourceConflictException", $"Function already exist: {name}", 409);
            }

            var function = new LambdaFunction(name, arn, call.Region, role, body["Runtime"]?.GetValue<string>() ?? "python3.12",
                body["Handler"]?.GetValue<string>() ?? "index.handler", call.Time, code.LongLength, Convert.ToBase64String(SHA256.HashData(code)))
            {
                Description = body["Description"]?.GetValue<string>(),
                Timeout = body["Timeout"]?.GetValue<int>() ?? 3,
                MemorySize = body["MemorySize"]?.GetValue<int>() ?? 128,
                Tags = tags,
            };
            call.Account.Functions[arn] = function;
            call.Resources.Add(("AWS::Lambda::Function", arn));
            var configuration = Configuration(function);
            call.ResponseElements = Hosting.JsonNames.Camel(configuration);
            return ServiceResult.Of(configuration, 201);
        }
    }

    private static ServiceResult List(SandboxCall call)
    {
        call.Authorize("lambda:ListFunctions", "*");
        lock (call.State.Gate)
        {
            var functions = call.Account.Functions.Values.Where(f => f.Region == call.Region).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            var (start, max) = LambdaPaging.Read(call.QueryString);
            var page = functions.Skip(start).Take(max).ToList();
            var result = new JsonObject { ["Functions"] = new JsonArray(page.Select(f => (JsonNode)Configuration(f)).ToArray()) };
            if (start + page.Count < functions.Count)
            {
                result["NextMarker"] = LambdaPaging.Marker(start + page.Count);
            }

            return ServiceResult.Of(result);
        }
    }

    private static ServiceResult Get(SandboxCall call)
    {
        var function = Find(call, "lambda:GetFunction");
        var result = new JsonObject
        {
            ["Configuration"] = Configuration(function),
            ["Code"] = new JsonObject { ["RepositoryType"] = "S3", ["Location"] = $"https://awslambda-{call.Region}-tasks.s3.{call.Region}.amazonaws.com/snapshots/{call.Account.Id}/{function.Name}" },
        };
        if (function.Tags.Count > 0)
        {
            result["Tags"] = new JsonObject(function.Tags.Select(static t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)));
        }

        return ServiceResult.Of(result);
    }

    private static ServiceResult Delete(SandboxCall call)
    {
        var function = Find(call, "lambda:DeleteFunction");
        lock (call.State.Gate)
        {
            call.Account.Functions.Remove(function.Arn);
        }

        return new ServiceResult { Status = 204 };
    }

    private static LambdaFunction Find(SandboxCall call, string action)
    {
        var name = Uri.UnescapeDataString(call.Segments[2]);
        var arn = name.StartsWith("arn:", StringComparison.Ordinal) ? name : call.Arn("lambda", $"function:{name}");
        call.RequestParameters = new JsonObject { ["functionName"] = name };
        call.Resources.Add(("AWS::Lambda::Function", arn));
        call.Authorize(action, arn);
        lock (call.State.Gate)
        {
            return call.Account.Functions.GetValueOrDefault(arn)
                ?? throw new AwsServiceException("ResourceNotFoundException", $"Function not found: {arn}", 404);
        }
    }

    private static bool RoleExists(SandboxState state, string roleArn)
    {
        var parts = roleArn.Split(':', 6);
        return parts.Length == 6 && state.FindAccount(parts[4]) is { } account
            && account.Roles.ContainsKey(parts[5][(parts[5].LastIndexOf('/') + 1)..]);
    }

    private static JsonObject Configuration(LambdaFunction f) => new()
    {
        ["FunctionName"] = f.Name,
        ["FunctionArn"] = f.Arn,
        ["Runtime"] = f.Runtime,
        ["Role"] = f.Role,
        ["Handler"] = f.Handler,
        ["CodeSize"] = f.CodeSize,
        ["Description"] = f.Description ?? "",
        ["Timeout"] = f.Timeout,
        ["MemorySize"] = f.MemorySize,
        ["LastModified"] = f.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        ["CodeSha256"] = f.CodeSha256,
        ["Version"] = "$LATEST",
        ["State"] = "Active",
        ["PackageType"] = "Zip",
        ["Architectures"] = new JsonArray("x86_64"),
    };

    private static AwsServiceException Invalid(string field) =>
        new("ValidationException", $"1 validation error detected: Value null at '{char.ToLowerInvariant(field[0])}{field[1..]}' failed to satisfy constraint: Member must not be null", 400);
}
