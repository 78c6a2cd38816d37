using System.Security.Cryptography;
using System.Text;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CredIr.Sandbox.Auth;

/// <summary>Recomputes a request's SigV4 signature with the secret the sandbox issued and resolves the caller.</summary>
internal sealed class SigV4Verifier(SandboxState state)
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    public Caller Verify(HttpRequest request, byte[] body, AuthorizationHeader auth, ServiceModel service)
    {
        if (!SigV4.TryParseAmzDate(request.Headers["x-amz-date"].ToString(), out var signedAt))
        {
            throw AuthErrors.BadSignature(service);
        }

        var reference = state.Clock.SigningReference;
        if ((signedAt - reference).Duration() > MaxSkew)
        {
            throw AuthErrors.Skewed(service, signedAt, reference);
        }

        string secret;
        AccessKey? key;
        StsSession? session;
        Account account;
        lock (state.Gate)
        {
            // Credentials exist in one partition only: signed for a region of another partition, the
            // request reaches that partition's endpoints, where AWS answers the key as unknown.
            var found = (state.Partition.Contains(auth.Region) ? state.FindCredential(auth.AccessKeyId) : null) ?? throw AuthErrors.UnknownKey(service);
            (account, key, session) = found;
            secret = key?.Secret ?? session!.Secret;
            if (key is { Active: false } && !(key.DeactivatedAt + state.IamPropagationDelay > state.Clock.GetUtcNow()))
            {
                // AWS answers an Inactive key exactly as an unknown one.
                throw AuthErrors.UnknownKey(service);
            }
        }

        if (!Matches(request, body, auth, service, secret))
        {
            throw AuthErrors.BadSignature(service);
        }

        if (session is not null)
        {
            var token = request.Headers["x-amz-security-token"].ToString();
            if (!FixedEquals(token, session.Token))
            {
                throw AuthErrors.BadToken(service);
            }

            if (state.Clock.GetUtcNow() >= session.Expiration)
            {
                throw AuthErrors.Expired(service);
            }
        }

        lock (state.Gate)
        {
            return Resolve(account, key, session, service, auth.Region);
        }
    }

    private Caller Resolve(Account account, AccessKey? key, StsSession? session, ServiceModel service, string region)
    {
        var now = state.Clock.GetUtcNow();
        if (key is not null)
        {
            key.LastUsed = now;
            key.LastUsedService = service.SigningName;
            key.LastUsedRegion = region;
            if (account.RootKeys.Contains(key))
            {
                return new Caller(CallerType.Root, account.Id, account.Root, account.Id, key.Id);
            }

            var user = account.Users[key.UserName];
            return new Caller(CallerType.IAMUser, account.Id, user.Arn, user.Id, key.Id) { IdentityName = user.Name };
        }

        var s = session!;
        switch (s.Kind)
        {
            case SessionKind.AssumedRole:
                var roleId = account.Roles.TryGetValue(s.IssuerName, out var role) ? role.Id : "AROA" + s.IssuerName;
                if (role is not null)
                {
                    role.LastUsed = now;
                    role.LastUsedRegion = region;
                }

                return new Caller(CallerType.AssumedRole, account.Id, $"arn:{account.Partition}:sts::{account.Id}:assumed-role/{s.IssuerName}/{s.SessionName}", $"{roleId}:{s.SessionName}", s.AccessKeyId)
                { IdentityName = s.IssuerName, Session = s };
            case SessionKind.Federated:
                return new Caller(CallerType.FederatedUser, account.Id, $"arn:{account.Partition}:sts::{account.Id}:federated-user/{s.SessionName}", $"{account.Id}:{s.SessionName}", s.AccessKeyId)
                { IdentityName = s.IssuerName, Session = s };
            default:
                if (s.IssuerName == "root")
                {
                    return new Caller(CallerType.Root, account.Id, account.Root, account.Id, s.AccessKeyId) { Session = s };
                }

                var issuer = account.Users.GetValueOrDefault(s.IssuerName);
                return new Caller(CallerType.IAMUser, account.Id, issuer?.Arn ?? $"arn:{account.Partition}:iam::{account.Id}:user/{s.IssuerName}", issuer?.Id ?? "", s.AccessKeyId)
                { IdentityName = s.IssuerName, Session = s };
        }
    }

    private static bool Matches(HttpRequest request, byte[] body, AuthorizationHeader auth, ServiceModel service, string secret)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = q < 0 ? rawTarget : rawTarget[..q];
        var rawQuery = q < 0 ? "" : rawTarget[(q + 1)..];
        var headers = new List<(string, string)>(auth.SignedHeaders.Count);
        foreach (var name in auth.SignedHeaders)
        {
            headers.Add((name, SigV4.CanonicalHeaderValue(request.Headers[name].ToArray())));
        }

        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        if (payloadHash.Length == 0)
        {
            payloadHash = SigV4.PayloadHash(body);
        }

        var canonical = SigV4.CanonicalRequest(request.Method, SigV4.CanonicalUri(rawPath, service == ServiceModel.S3), SigV4.CanonicalQuery(rawQuery), headers, payloadHash);
        var expected = SigV4.Signature(secret, request.Headers["x-amz-date"].ToString(), auth.ScopeDate, auth.Region, auth.Service, canonical);
        return FixedEquals(expected, auth.Signature);
    }

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
