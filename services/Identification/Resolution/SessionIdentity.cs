using System.Globalization;
using System.Text.Json;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.Resolution;

/// <summary>Who a temporary key acts as, read from a CloudTrail record it signed (userIdentity) or from the record that issued it.</summary>
internal sealed record SessionIdentity(string? Type, string? Arn, string? IssuerArn, DateTimeOffset? SessionCreated)
{
    public static SessionIdentity? FromUse(TrailRecord record)
    {
        using var document = JsonDocument.Parse(record.RawJson);
        var identity = document.RootElement.Get("userIdentity");
        if (identity is not { ValueKind: JsonValueKind.Object } id)
        {
            return null;
        }

        DateTimeOffset? created = null;
        if (id.GetString("sessionContext.attributes.creationDate") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            created = at;
        }

        return new SessionIdentity(id.GetString("type"), id.GetString("arn"), id.GetString("sessionContext.sessionIssuer.arn"), created);
    }

    /// <summary>The key id a record's response issued (responseElements.credentials.accessKeyId), if any.</summary>
    public static string? IssuedKey(TrailRecord record)
    {
        using var document = JsonDocument.Parse(record.RawJson);
        return document.RootElement.GetString("responseElements.credentials.accessKeyId");
    }

    /// <summary>Reads what an issuing record says: the session's ARN, its expiry, and who asked for it.</summary>
    public static (string? SessionArn, DateTimeOffset? Expires, string? CallerArn, string? CallerKey) Issued(TrailRecord record)
    {
        using var document = JsonDocument.Parse(record.RawJson);
        var root = document.RootElement;
        var arn = root.GetString("responseElements.assumedRoleUser.arn") ?? root.GetString("responseElements.federatedUser.arn");
        return (arn, ParseExpiration(root.GetString("responseElements.credentials.expiration")), root.GetString("userIdentity.arn"), root.GetString("userIdentity.accessKeyId"));
    }

    // CloudTrail writes STS expirations the Java way ("Nov 22, 2026, 11:45:39 PM"), sometimes without the comma.
    private static DateTimeOffset? ParseExpiration(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string[] formats = ["MMM d, yyyy, h:mm:ss tt", "MMM d, yyyy h:mm:ss tt", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    public PrincipalArn? Principal => PrincipalArn.TryParse(Arn, out var arn, out _) ? arn : null;
}
