namespace CredIr.Sandbox.Auth;

/// <summary>The parts of an <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
internal sealed record AuthorizationHeader(string AccessKeyId, string ScopeDate, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static AuthorizationHeader? Parse(string? header)
    {
        if (header is null || !header.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signed = null, signature = null;
        foreach (var part in header[(SigV4.Algorithm.Length + 1)..].Split(','))
        {
            var kv = part.Trim();
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            var value = kv[(eq + 1)..];
            switch (kv[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signed = value; break;
                case "Signature": signature = value; break;
            }
        }

        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != "aws4_request" || signed is null || signature is null)
        {
            return null;
        }

        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], signed.Split(';'), signature);
    }
}
