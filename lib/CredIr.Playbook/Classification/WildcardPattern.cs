namespace CredIr.Playbook.Classification;

/// <summary>
/// A case-sensitive glob over API names: '*' matches any run of characters, everything else itself
/// ("Create*", "*Image*", "*Provider", "Get*Token").
/// </summary>
public sealed class WildcardPattern
{
    private readonly string[] _parts;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;

    public WildcardPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Text = pattern;
        _parts = pattern.Split('*');
        _anchoredStart = !pattern.StartsWith('*');
        _anchoredEnd = !pattern.EndsWith('*');
    }

    public string Text { get; }

    public bool IsMatch(string value)
    {
        if (_parts.Length == 1)
        {
            return string.Equals(value, Text, StringComparison.Ordinal);
        }

        var position = 0;
        for (var i = 0; i < _parts.Length; i++)
        {
            var part = _parts[i];
            if (part.Length == 0)
            {
                continue;
            }

            if (i == 0 && _anchoredStart)
            {
                if (!value.StartsWith(part, StringComparison.Ordinal))
                {
                    return false;
                }

                position = part.Length;
                continue;
            }

            if (i == _parts.Length - 1 && _anchoredEnd)
            {
                return value.Length - part.Length >= position && value.EndsWith(part, StringComparison.Ordinal);
            }

            var found = value.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return true;
    }

    public override string ToString() => Text;
}
