using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CredIr.Identification.Notifications;

/// <summary>
/// POSTs a notification's JSON to its webhook. With a secret, the receiver can check
/// X-CredIr-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)) and X-CredIr-Timestamp (unix seconds),
/// and drop repeats by X-CredIr-Notification-Id.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider time)
{
    public const string SignatureHeader = "X-CredIr-Signature";
    public const string TimestampHeader = "X-CredIr-Timestamp";
    public const string IdHeader = "X-CredIr-Notification-Id";

    /// <summary>Sends once; returns null when the receiver accepted it (2xx), else what went wrong.</summary>
    public async Task<string?> SendAsync(WebhookTarget target, OutboxItem item, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(target.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(item.PayloadJson, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(IdHeader, item.NotificationId);
        if (!string.IsNullOrEmpty(target.Secret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(TimestampHeader, timestamp);
            request.Headers.Add(SignatureHeader, "sha256=" + Sign(target.Secret, timestamp, item.PayloadJson));
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {target.Timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
        }
    }

    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return Convert.ToHexStringLower(mac);
    }
}
