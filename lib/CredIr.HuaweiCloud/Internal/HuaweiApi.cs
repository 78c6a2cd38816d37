using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.HuaweiCloud.Signing;
using Microsoft.Extensions.Logging;

namespace CredIr.HuaweiCloud.Internal;

/// <summary>
/// The one pipeline every Huawei call goes through: URL, signing, per-call timeout, error mapping to
/// <see cref="HuaweiCloudException"/>, JSON. Thread-safe: it holds no per-call state.
/// </summary>
internal sealed class HuaweiApi(HttpClient http, HuaweiCloudOptions options, TimeProvider time, ILogger logger)
{
    public async Task<JsonNode?> SendAsync(HttpMethod method, Uri endpoint, string path, IEnumerable<KeyValuePair<string, string?>>? query,
        object? body, string operation, CancellationToken ct)
    {
        var uri = Build(endpoint, path, query);
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), HuaweiJson.Options);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf8");
        }

        SdkHmacSha256Signer.Sign(request, bytes, options.Credentials, time.GetUtcNow());
        using var timeout = new CancellationTokenSource(options.CallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        HttpStatusCode status;
        string text;
        HuaweiCloudException? refusal = null;
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            status = response.StatusCode;
            text = await response.Content.ReadAsStringAsync(linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                refusal = Error(response, text, operation);
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new HuaweiCloudException(HttpStatusCode.GatewayTimeout, HuaweiCloudException.TimeoutCode,
                $"no answer from {uri.Host} within {options.CallTimeout.TotalSeconds:0.###} s (HuaweiCloud:CallTimeout)", null, operation, e);
        }
        catch (HttpRequestException e)
        {
            throw new HuaweiCloudException(HttpStatusCode.ServiceUnavailable, HuaweiCloudException.UnreachableCode,
                $"cannot reach {uri.Host}:{uri.Port}: {e.Message}", null, operation, e);
        }

        if (refusal is not null)
        {
            throw refusal;
        }

        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new HuaweiCloudException(status, "Unparseable", $"the answer is not JSON: {e.Message}", null, operation, e);
        }
    }

    public async Task<T> SendAsync<T>(HttpMethod method, Uri endpoint, string path, IEnumerable<KeyValuePair<string, string?>>? query,
        object? body, string operation, CancellationToken ct)
    {
        var node = await SendAsync(method, endpoint, path, query, body, operation, ct)
            ?? throw new HuaweiCloudException($"{operation} answered with an empty body");
        try
        {
            return node.Deserialize<T>(HuaweiJson.Options) ?? throw new HuaweiCloudException($"{operation} answered with null");
        }
        catch (JsonException e)
        {
            throw new HuaweiCloudException($"{operation} answered with a body of an unexpected shape: {e.Message}", e);
        }
    }

    private static Uri Build(Uri endpoint, string path, IEnumerable<KeyValuePair<string, string?>>? query)
    {
        var builder = new StringBuilder(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(path);
        var separator = '?';
        foreach (var (key, value) in query ?? [])
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(builder.ToString());
    }

    // Huawei answers errors in three shapes: the gateway's and most v3.0 APIs' {error_code, error_msg},
    // Keystone-style v3 APIs' {error: {code, message, title}}, and some {error: {error_code, message}}.
    private HuaweiCloudException Error(HttpResponseMessage response, string text, string operation)
    {
        string? code = null;
        string? message = null;
        string? requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        try
        {
            if (JsonNode.Parse(text) is JsonObject json)
            {
                var error = json["error"] as JsonObject;
                code = Text(json["error_code"]) ?? Text(error?["error_code"]) ?? Text(error?["code"]);
                message = Text(json["error_msg"]) ?? Text(error?["message"]) ?? Text(error?["error_msg"]);
                requestId ??= Text(json["request_id"]);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status alone says what happened.
        }

        var failure = new HuaweiCloudException(response.StatusCode, code ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            message ?? (response.StatusCode == HttpStatusCode.NotFound ? "not found" : response.ReasonPhrase ?? "error"), requestId, operation);
        HuaweiLog.Refused(logger, operation, (int)response.StatusCode, failure.ErrorCode, requestId, options.Credentials.AccessKeyId);
        return failure;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v ? v.ToString() : null;
}
