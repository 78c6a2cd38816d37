namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>IAM's glob: <c>*</c> matches any run of characters (including none), <c>?</c> exactly one.</summary>
internal static class Wildcard
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> input, bool ignoreCase)
    {
        // Greedy two-pointer glob with a single backtrack point: linear in practice and no allocation,
        // which matters because every sandbox request runs many of these.
        int p = 0, i = 0, starP = -1, starI = 0;
        while (i < input.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starI = i;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || CharEquals(pattern[p], input[i], ignoreCase)))
            {
                p++;
                i++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                i = ++starI;
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

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
