using System.Text.RegularExpressions;

namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// Partition pruning, as Athena does with partition projection: the conditions on partition columns in the
/// query's top-level WHERE (col = 'v', col IN (...), col &lt;, &lt;=, &gt;, &gt;= 'v', col BETWEEN 'a' AND 'b', ANDed)
/// decide which files are read at all, and so the bytes scanned. Conservative: a query with an OR, a join, a
/// subquery or a CTE at the top level reads every partition (DuckDB still applies the whole WHERE).
/// </summary>
internal sealed partial class PartitionFilter
{
    private readonly Dictionary<string, List<Func<string, bool>>> _tests = new(StringComparer.OrdinalIgnoreCase);

    public static PartitionFilter None { get; } = new();

    public bool Admits(string column, string? value) =>
        !_tests.TryGetValue(column, out var tests) || (value is not null && tests.All(t => t(value)));

    public static PartitionFilter Parse(string sql, IReadOnlyCollection<string> partitionColumns)
    {
        var masked = Mask(sql);
        if (ComplexRegex().IsMatch(masked) || SubqueryRegex().IsMatch(Mask(sql, keepNested: true)))
        {
            return None;
        }

        var where = WhereRegex().Match(masked);
        if (!where.Success)
        {
            return None;
        }

        var end = TailRegex().Match(masked, where.Index + where.Length);
        var clause = sql[(where.Index + where.Length)..(end.Success ? end.Index : sql.Length)];
        var maskedClause = masked[(where.Index + where.Length)..(end.Success ? end.Index : sql.Length)];
        if (OrRegex().IsMatch(maskedClause))
        {
            return None;
        }

        var filter = new PartitionFilter();
        foreach (var conjunct in Conjuncts(clause, maskedClause))
        {
            filter.Add(conjunct.Trim(), partitionColumns);
        }

        return filter;
    }

    private void Add(string conjunct, IReadOnlyCollection<string> columns)
    {
        if (ConditionRegex().Match(conjunct) is not { Success: true } m || !columns.Contains(m.Groups["col"].Value, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var column = m.Groups["col"].Value;
        var values = LiteralRegex().Matches(m.Groups["rest"].Value).Select(v => v.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
        Func<string, bool>? test = (m.Groups["op"].Value.ToUpperInvariant(), values.Count) switch
        {
            ("=", 1) => v => string.Equals(v, values[0], StringComparison.Ordinal),
            ("IN", > 0) => v => values.Contains(v, StringComparer.Ordinal),
            (">=", 1) => v => string.CompareOrdinal(v, values[0]) >= 0,
            (">", 1) => v => string.CompareOrdinal(v, values[0]) > 0,
            ("<=", 1) => v => string.CompareOrdinal(v, values[0]) <= 0,
            ("<", 1) => v => string.CompareOrdinal(v, values[0]) < 0,
            ("BETWEEN", 2) => v => string.CompareOrdinal(v, values[0]) >= 0 && string.CompareOrdinal(v, values[1]) <= 0,
            _ => null,
        };
        if (test is null)
        {
            return;
        }

        if (!_tests.TryGetValue(column, out var list))
        {
            list = [];
            _tests[column] = list;
        }

        list.Add(test);
    }

    /// <summary>The WHERE clause cut at its top-level ANDs (the AND of a BETWEEN stays with it).</summary>
    private static IEnumerable<string> Conjuncts(string clause, string masked)
    {
        var last = 0;
        var between = false;
        foreach (Match word in WordRegex().Matches(masked))
        {
            if (word.Value.Equals("BETWEEN", StringComparison.OrdinalIgnoreCase))
            {
                between = true;
            }
            else if (word.Value.Equals("AND", StringComparison.OrdinalIgnoreCase))
            {
                if (between)
                {
                    between = false;
                    continue;
                }

                yield return clause[last..word.Index];
                last = word.Index + word.Length;
            }
        }

        yield return clause[last..];
    }

    /// <summary>The query with string literals blanked, and with everything inside parentheses blanked too unless <paramref name="keepNested"/> (same length).</summary>
    private static string Mask(string sql, bool keepNested = false)
    {
        var chars = sql.ToCharArray();
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    chars[i] = ' ';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                default:
                    if (depth > 0 && !keepNested)
                    {
                        chars[i] = ' ';
                    }

                    break;
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"\(\s*(?:SELECT|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubqueryRegex();

    [GeneratedRegex(@"\b(?:JOIN|UNION|INTERSECT|EXCEPT)\b|^\s*WITH\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComplexRegex();

    [GeneratedRegex(@"\bWHERE\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhereRegex();

    [GeneratedRegex(@"\b(?:GROUP\s+BY|ORDER\s+BY|HAVING|LIMIT|OFFSET)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TailRegex();

    [GeneratedRegex(@"\bOR\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrRegex();

    [GeneratedRegex(@"\b(?:AND|BETWEEN)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^(?:\w+\.)?""?(?<col>\w+)""?\s*(?<op>>=|<=|=|<|>|\bIN\b|\bBETWEEN\b)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionRegex();

    [GeneratedRegex(@"'((?:[^']|'')*)'", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralRegex();
}
