using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>AWS Lambda (REST-JSON, API 2015-03-31). Thread-safe; keep one per account and region.</summary>
public sealed class LambdaClient
{
    private const string Functions = "/2015-03-31/functions/";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public LambdaClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.Lambda, credentials, region, accountId);
    }

    /// <summary>A function, where its code is, and its tags.</summary>
    public async Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default)
    {
        var http = Function("GetFunction", HttpMethod.Get, request.FunctionName, request.Qualifier);
        var response = await _channel.SendAsync(http, cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        var root = doc.RootElement;
        var configuration = root.Prop("Configuration") ?? throw new FormatException("GetFunction returned no Configuration.");
        var tags = root.Prop("Tags") is { ValueKind: JsonValueKind.Object } t
            ? t.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new GetFunctionResponse(ReadFunction(configuration), root.Prop("Code")?.Str("Location"), tags, response.RequestId);
    }

    /// <summary>Every function in the region, following NextMarker.</summary>
    public async IAsyncEnumerable<LambdaFunction> ListFunctionsAsync(ListFunctionsRequest? request = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var http = Json.Rest("ListFunctions", HttpMethod.Get, Functions);
            if (marker is not null)
            {
                http.Query["Marker"] = marker;
            }

            if (request?.MaxItems is { } max)
            {
                http.Query["MaxItems"] = Json.Invariant(max);
            }

            var response = await _channel.SendAsync(http, cancellationToken).ConfigureAwait(false);
            using var doc = Json.Parse(response);
            foreach (var function in doc.RootElement.Array("Functions"))
            {
                yield return ReadFunction(function);
            }

            marker = doc.RootElement.Str("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));
    }

    /// <summary>Creates a function.</summary>
    public async Task<LambdaFunction> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default)
    {
        var body = Json.Object()
            .Set("FunctionName", request.FunctionName)
            .Set("Role", request.Role)
            .Set("Runtime", request.Runtime)
            .Set("Handler", request.Handler)
            .Set("Code", Json.Object().Set("ZipFile", Convert.ToBase64String(request.ZipFile.Span)));
        var response = await _channel.SendAsync(Json.Rest("CreateFunction", HttpMethod.Post, Functions, body), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        return ReadFunction(doc.RootElement);
    }

    /// <summary>Deletes a function (or one version of it).</summary>
    public async Task<AwsResult> DeleteFunctionAsync(DeleteFunctionRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _channel.SendAsync(Function("DeleteFunction", HttpMethod.Delete, request.FunctionName, request.Qualifier), cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    private static AwsHttpRequest Function(string operation, HttpMethod method, string functionName, string? qualifier)
    {
        var http = Json.Rest(operation, method, Functions + "{FunctionName}");
        http.PathResources["{FunctionName}"] = functionName;
        if (qualifier is not null)
        {
            http.Query["Qualifier"] = qualifier;
        }

        return http;
    }

    private static LambdaFunction ReadFunction(JsonElement f) => new(
        f.Required("FunctionName"), f.Str("FunctionArn") ?? string.Empty, f.Str("Runtime"), f.Str("Role"), f.Str("Handler"),
        f.Str("Description"), f.Str("LastModified"), f.Str("CodeSha256"), f.Str("Version"));
}
