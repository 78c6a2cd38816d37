using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>
/// Policy variables (<c>${aws:username}</c>, <c>${aws:PrincipalAccount}</c>, <c>${key, 'default'}</c>) as IAM
/// substitutes them in Resource and condition values of 2012-10-17 policies: the first value of the
/// context key, the default when the key is absent, and no match at all when neither exists.
/// </summary>
internal static class PolicyVariables
{
    public static bool Contains(string text) => text.Contains("${", StringComparison.Ordinal);

    public static bool TryResolve(string template, RequestContext context, [NotNullWhen(true)] out string? resolved)
    {
        var result = new StringBuilder(template.Length + 32);
        var index = 0;
        while (index < template.Length)
        {
            var start = template.IndexOf("${", index, StringComparison.Ordinal);
            var end = start < 0 ? -1 : template.IndexOf('}', start + 2);
            if (start < 0 || end < 0)
            {
                result.Append(template, index, template.Length - index);
                break;
            }

            result.Append(template, index, start - index);
            if (!TryValue(template.AsSpan(start + 2, end - start - 2), context, out var value))
            {
                resolved = null;
                return false;
            }

            result.Append(value);
            index = end + 1;
        }

        resolved = result.ToString();
        return true;
    }

    private static bool TryValue(ReadOnlySpan<char> body, RequestContext context, [NotNullWhen(true)] out string? value)
    {
        string? fallback = null;
        var comma = body.IndexOf(',');
        if (comma >= 0)
        {
            var defaultPart = body[(comma + 1)..].Trim();
            if (defaultPart.Length >= 2 && defaultPart[0] == '\'' && defaultPart[^1] == '\'')
            {
                fallback = defaultPart[1..^1].ToString();
            }

            body = body[..comma];
        }

        var key = body.Trim().ToString();
        value = key switch
        {
            "*" => "*",
            "?" => "?",
            "$" => "$",
            _ => context.GetValue(key) ?? fallback,
        };
        return value is not null;
    }
}
