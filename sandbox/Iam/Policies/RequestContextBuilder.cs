using System.Globalization;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// Builds a <see cref="RequestContext"/>. Later values for a key replace earlier ones. Dates are written
/// in ISO 8601 UTC with milliseconds, which the Date operators read back without loss.
/// </summary>
public sealed class RequestContextBuilder
{
    private readonly Dictionary<string, string[]> _values = new(StringComparer.OrdinalIgnoreCase);

    public RequestContextBuilder Set(string key, params string[] values)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _values[key] = values;
        return this;
    }

    public RequestContextBuilder SetDate(string key, DateTimeOffset value) => Set(key, FormatDate(value));

    public RequestContextBuilder SetBool(string key, bool value) => Set(key, value ? "true" : "false");

    /// <summary>aws:CurrentTime and aws:EpochTime from the sandbox's clock.</summary>
    public RequestContextBuilder SetTime(DateTimeOffset now) =>
        SetDate(ContextKeys.CurrentTime, now)
            .Set(ContextKeys.EpochTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, and aws:userid / aws:username where AWS
    /// sets them (aws:username only for IAM users; aws:userid is the unique id, e.g. AIDA... or AROA...:session).
    /// </summary>
    public RequestContextBuilder SetPrincipal(RequestPrincipal principal, string? userId = null)
    {
        Set(ContextKeys.PrincipalArn, principal.PrincipalArnKey);
        Set(ContextKeys.PrincipalType, principal.PrincipalTypeKey);
        if (principal.AccountId.Length > 0)
        {
            Set(ContextKeys.PrincipalAccount, principal.AccountId);
        }

        if (userId is not null)
        {
            Set(ContextKeys.UserId, userId);
        }

        if (principal.Type == PrincipalType.User)
        {
            Set(ContextKeys.UserName, principal.Arn[(principal.Arn.LastIndexOf('/') + 1)..]);
        }

        return this;
    }

    public RequestContext Build() => new(new Dictionary<string, string[]>(_values, StringComparer.OrdinalIgnoreCase));

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
