using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Auth;

/// <summary>The "ClientCertificate" authentication scheme: the TLS client certificate of the connection.</summary>
internal sealed class ClientCertificateHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ClientCertificateAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ClientCertificate";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var certificate = Context.Connection.ClientCertificate
            ?? await Context.Connection.GetClientCertificateAsync(Context.RequestAborted).ConfigureAwait(false);
        if (certificate is null)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = authenticator.Authenticate(certificate, out var refusal);
        return identity is null
            ? AuthenticateResult.Fail(refusal)
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // Refusals are written by CallerGate in the caller's protocol.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask;
}
