using System.Diagnostics.CodeAnalysis;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// The request context keys IAM conditions and policy variables read (aws:SourceIp, aws:TokenIssueTime,
/// sts:ExternalId, ...). Keys are case-insensitive, as in IAM; each key has one or more string values.
/// A key that is absent is what makes a plain condition on it false. Build one with <see cref="RequestContextBuilder"/>.
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, string[]> _values;

    internal RequestContext(Dictionary<string, string[]> values) => _values = values;

    /// <summary>A context with no keys.</summary>
    public static RequestContext Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The keys present, in no particular order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The values of <paramref name="key"/>; false when the key is absent or has no values.</summary>
    public bool TryGetValues(string key, [NotNullWhen(true)] out IReadOnlyList<string>? values)
    {
        if (_values.TryGetValue(key, out var found) && found.Length > 0)
        {
            values = found;
            return true;
        }

        values = null;
        return false;
    }

    /// <summary>The first value of <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) =>
        _values.TryGetValue(key, out var found) && found.Length > 0 ? found[0] : null;
}
