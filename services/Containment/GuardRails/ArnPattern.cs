namespace CredIr.Containment.GuardRails;

/// <summary>An ARN or an ARN pattern with '*' (any run of characters) and '?' (one character).</summary>
internal sealed class ArnPattern(string text)
{
    public string Text { get; } = text;

    public bool Matches(string arn) => Match(Text.AsSpan(), arn.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        // Iterative wildcard match with one backtrack point: linear for the '*' patterns ARNs use.
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == value[v]))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
