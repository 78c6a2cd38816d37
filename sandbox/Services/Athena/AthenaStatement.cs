using System.Text.RegularExpressions;

namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// What a query string asks for. Athena parses DDL itself (Hive's dialect) and hands SELECTs to its engine;
/// the sandbox does the same: CREATE DATABASE, CREATE EXTERNAL TABLE and DROP TABLE are kept in its catalog,
/// SELECT and WITH go to DuckDB, anything else fails as a statement this Athena does not run.
/// </summary>
internal abstract partial record AthenaStatement
{
    private static readonly HashSet<string> Statements = new(StringComparer.Ordinal)
    {
        "ALTER", "CREATE", "DROP", "INSERT", "UPDATE", "DELETE", "MERGE", "MSCK", "SHOW", "DESCRIBE", "EXPLAIN", "UNLOAD", "VACUUM", "OPTIMIZE", "PREPARE", "EXECUTE", "VALUES",
    };

    public static AthenaStatement Parse(string sql, string defaultDatabase)
    {
        var text = StripComments(sql).Trim().TrimEnd(';').Trim();
        if (CreateDatabaseRegex().Match(text) is { Success: true } db)
        {
            return new CreateDatabase(Unquote(db.Groups["name"].Value), db.Groups["ine"].Success);
        }

        if (DropTableRegex().Match(text) is { Success: true } drop)
        {
            var (database, table) = Qualified(drop.Groups["name"].Value, defaultDatabase);
            return new DropTable(database, table, drop.Groups["ie"].Success);
        }

        if (CreateTableRegex().Match(text) is { Success: true } create)
        {
            return ParseCreateTable(text, create, defaultDatabase);
        }

        if (SelectRegex().IsMatch(text))
        {
            return new Select(text);
        }

        var word = text.Split((char[])[' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        return Statements.Contains(word)
            ? new Unsupported($"NOT_SUPPORTED: the sandbox's Athena runs SELECT, WITH, CREATE DATABASE, CREATE EXTERNAL TABLE and DROP TABLE; not {word}")
            : new Unsupported($"SYNTAX_ERROR: line 1:1: mismatched input '{word}'. Expecting: 'ALTER', 'CREATE', 'DROP', 'SELECT', 'WITH', <query>");
    }

    public static (string Database, string Table) Qualified(string name, string defaultDatabase)
    {
        var parts = name.Split('.').Select(Unquote).ToArray();
        return parts.Length switch
        {
            1 => (defaultDatabase, parts[0]),
            2 => (parts[0], parts[1]),
            _ => (parts[^2], parts[^1]),
        };
    }

    private static AthenaStatement ParseCreateTable(string text, Match create, string defaultDatabase)
    {
        var (database, table) = Qualified(create.Groups["name"].Value, defaultDatabase);
        if (!text.Contains("CloudTrailInputFormat", StringComparison.OrdinalIgnoreCase) && !text.Contains("CloudTrailSerde", StringComparison.OrdinalIgnoreCase))
        {
            return new Unsupported("NOT_SUPPORTED: the sandbox's Athena holds CloudTrail tables only (STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat')");
        }

        if (LocationRegex().Match(text) is not { Success: true } location)
        {
            return new Unsupported("SYNTAX_ERROR: CREATE EXTERNAL TABLE needs LOCATION 's3://bucket/prefix/'");
        }

        var partitions = new List<string>();
        if (PartitionedRegex().Match(text) is { Success: true } partitioned)
        {
            var start = partitioned.Index + partitioned.Length;
            var body = Balanced(text, start - 1);
            partitions.AddRange(SplitTopLevel(body).Select(c => Unquote(c.Trim().Split((char[])[' ', '\t', '\n'], 2)[0])).Where(c => c.Length > 0));
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (PropertiesRegex().Match(text) is { Success: true } props)
        {
            foreach (Match pair in PairRegex().Matches(Balanced(text, props.Index + props.Length - 1)))
            {
                properties[pair.Groups["k"].Value] = pair.Groups["v"].Value;
            }
        }

        return new CreateTable(new AthenaTable(database, table, location.Groups["loc"].Value, partitions, properties), create.Groups["ine"].Success);
    }

    /// <summary>The text inside the parenthesis that opens at <paramref name="open"/>.</summary>
    private static string Balanced(string text, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            switch (c)
            {
                case '\'' or '"' or '`':
                    quote = c;
                    break;
                case '(' or '<':
                    depth++;
                    break;
                case ')' or '>':
                    if (--depth == 0)
                    {
                        return text[(open + 1)..i];
                    }

                    break;
            }
        }

        return text[(open + 1)..];
    }

    private static IEnumerable<string> SplitTopLevel(string body)
    {
        var depth = 0;
        var last = 0;
        for (var i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '(' or '<':
                    depth++;
                    break;
                case ')' or '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return body[last..i];
                    last = i + 1;
                    break;
            }
        }

        yield return body[last..];
    }

    private static string StripComments(string sql) => LineCommentRegex().Replace(BlockCommentRegex().Replace(sql, " "), " ");

    private static string Unquote(string name) => name.Trim().Trim('`', '"').ToLowerInvariant();

    [GeneratedRegex(@"^CREATE\s+(?:DATABASE|SCHEMA)\s+(?<ine>IF\s+NOT\s+EXISTS\s+)?(?<name>[`""\w]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateDatabaseRegex();

    [GeneratedRegex(@"^DROP\s+TABLE\s+(?<ie>IF\s+EXISTS\s+)?(?<name>[`""\w.]+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DropTableRegex();

    [GeneratedRegex(@"^CREATE\s+EXTERNAL\s+TABLE\s+(?<ine>IF\s+NOT\s+EXISTS\s+)?(?<name>[`""\w.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateTableRegex();

    [GeneratedRegex(@"^(?:SELECT|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelectRegex();

    [GeneratedRegex(@"\bLOCATION\s+'(?<loc>[^']+)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LocationRegex();

    [GeneratedRegex(@"\bPARTITIONED\s+BY\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartitionedRegex();

    [GeneratedRegex(@"\bTBLPROPERTIES\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PropertiesRegex();

    [GeneratedRegex(@"'(?<k>[^']+)'\s*=\s*'(?<v>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex PairRegex();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BlockCommentRegex();

    [GeneratedRegex(@"--[^\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineCommentRegex();

    public sealed record CreateDatabase(string Name, bool IfNotExists) : AthenaStatement;

    public sealed record CreateTable(AthenaTable Table, bool IfNotExists) : AthenaStatement;

    public sealed record DropTable(string Database, string Name, bool IfExists) : AthenaStatement;

    public sealed record Select(string Sql) : AthenaStatement;

    public sealed record Unsupported(string Reason) : AthenaStatement;
}
