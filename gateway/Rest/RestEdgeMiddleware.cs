using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Rest;

/// <summary>
/// What the REST surface promises (docs/gateway.md) beyond what JSON transcoding does by itself, for
/// every REST request whether its service is in this process or behind YARP: bodies over
/// Gateway:MaxJsonBodyBytes refused with 413; <c>phase=</c> accepted for ListIncidents' repeated
/// <c>phases</c>; errors as <c>{"error":{"code":"NOT_FOUND","message":"..."}}</c> instead of transcoding's
/// google.rpc.Status JSON (<c>{"code":5,"message":"..."}</c>).
/// </summary>
internal sealed class RestEdgeMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (GatewayErrors.IsGrpc(http) || !http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var limit = options.Value.MaxJsonBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await WriteTooLargeAsync(http, $"The JSON body is over {limit} bytes.").ConfigureAwait(false);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.Query.ContainsKey("phase"))
        {
            http.Request.QueryString = QueryString.Create(http.Request.Query.SelectMany(
                static q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key == "phase" ? "phases" : q.Key, v))));
        }

        var original = http.Response.Body;
        var capture = new ErrorCaptureStream(http.Response, original);
        http.Response.Body = capture;
        try
        {
            await next(http).ConfigureAwait(false);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (capture.Captured is { } error)
        {
            await RewriteAsync(http, error).ConfigureAwait(false);
        }
    }

    public static Task WriteTooLargeAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code = "RESOURCE_EXHAUSTED", message } }), http.RequestAborted);
    }

    private static async Task RewriteAsync(HttpContext http, MemoryStream captured)
    {
        StatusCode? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(captured.ToArray());
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number
                && json.RootElement.TryGetProperty("message", out var m))
            {
                code = (StatusCode)c.GetInt32();
                message = m.GetString();
            }
        }
        catch (JsonException)
        {
            // Not transcoding's error JSON: sent as it came.
        }

        if (code is null)
        {
            http.Response.ContentLength = captured.Length;
            captured.Position = 0;
            await captured.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        http.Response.ContentLength = null;
        await GatewayErrors.WriteJsonAsync(http, code.Value, message ?? string.Empty).ConfigureAwait(false);
    }
}
