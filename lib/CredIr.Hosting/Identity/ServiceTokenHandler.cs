namespace CredIr.Hosting.Identity;

/// <summary>
/// On a gRPC client's HTTP handler: each call to another service carries a token for that service, on behalf of
/// the caller the calling code named in x-credir-caller (the coordinator's actor), instead of a shared secret.
/// </summary>
public sealed class ServiceTokenHandler(ServiceTokens tokens) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (tokens.IsConfigured && request.RequestUri is { } uri)
        {
            var caller = request.Headers.TryGetValues(CallerHeaders.Caller, out var values) ? values.FirstOrDefault() : null;
            request.Headers.Remove(ServiceTokens.Header);
            request.Headers.TryAddWithoutValidation(ServiceTokens.Header, tokens.Issue(string.IsNullOrEmpty(caller) ? "service" : caller, ServiceTokens.AudienceOf(uri.AbsolutePath)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
