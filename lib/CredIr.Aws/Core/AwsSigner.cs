using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;

namespace CredIr.Aws;

/// <summary>
/// SigV4-signs a request with AWSSDK.Core's own signer. The signer only takes the SDK's IRequest,
/// so the request is expressed as a DefaultRequest, signed, and the URL comes from the SDK's
/// ComposeUrl: the bytes on the wire are then exactly the ones the signature covers.
/// </summary>
internal static class AwsSigner
{
    private const string SecurityTokenHeader = "X-Amz-Security-Token";

    // The signer reads nothing but signing overrides from the config; region and service come from the request.
    private static readonly AmazonSecurityTokenServiceConfig SignerConfig = new();

    public static HttpRequestMessage Sign(AwsHttpRequest source, AwsEndpoint endpoint, string signingName, ImmutableCredentials credentials, DateTimeOffset signedAt)
    {
        using var sdk = new DefaultRequest(SignableRequest.Instance, signingName)
        {
            HttpMethod = source.Method.Method,
            Endpoint = source.HostPrefix is null ? endpoint.Url : new UriBuilder(endpoint.Url) { Host = source.HostPrefix + endpoint.Url.Host }.Uri,
            ResourcePath = source.ResourcePath,
            AuthenticationRegion = endpoint.SigningRegion,
            OverrideSigningServiceName = signingName,
            UseDoubleEncoding = source.UseDoubleEncoding,
            UseQueryString = source.Query.Count > 0,
            Content = source.Body,
        };
        foreach (var (name, value) in source.PathResources)
        {
            sdk.AddPathResource(name, value);
        }

        foreach (var (name, value) in source.Query)
        {
            sdk.Parameters[name] = value;
        }

        foreach (var (name, value) in source.Headers)
        {
            sdk.Headers[name] = value;
        }

        if (source.ContentType is not null)
        {
            sdk.Headers["Content-Type"] = source.ContentType;
        }

        if (credentials.UseToken)
        {
            sdk.Headers[SecurityTokenHeader] = credentials.Token;
        }

        var url = AmazonServiceClient.ComposeUrl(sdk);
        var result = new AWS4Signer().SignRequest(sdk, SignerConfig, null, credentials.AccessKey, credentials.SecretKey, signedAt.UtcDateTime);
        sdk.Headers["Authorization"] = result.ForAuthorizationHeader;
        return ToHttpRequest(sdk, url);
    }

    private static HttpRequestMessage ToHttpRequest(DefaultRequest sdk, Uri url)
    {
        var message = new HttpRequestMessage(new HttpMethod(sdk.HttpMethod), url);
        if (sdk.Content is not null)
        {
            message.Content = new ByteArrayContent(sdk.Content);
        }

        foreach (var (name, value) in sdk.Headers)
        {
            if (string.Equals(name, "host", StringComparison.OrdinalIgnoreCase))
            {
                continue; // HttpClient writes the same host from the URL.
            }

            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                message.Headers.Authorization = new AuthenticationHeaderValue(value[..space], value[(space + 1)..]);
                continue;
            }

            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private sealed class SignableRequest : AmazonWebServiceRequest
    {
        public static SignableRequest Instance { get; } = new();
    }
}
