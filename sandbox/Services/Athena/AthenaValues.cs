using System.Collections;
using System.Globalization;
using System.Text;

namespace CredIr.Sandbox.Services.Athena;

/// <summary>Values as Athena's GetQueryResults and CSV write them: text, rows as {k=v, ...}, arrays as [a, b].</summary>
internal static class AthenaValues
{
    public static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "varchar",
        _ when type == typeof(long) || type == typeof(ulong) || type == typeof(System.Numerics.BigInteger) => "bigint",
        _ when type == typeof(int) || type == typeof(uint) => "integer",
        _ when type == typeof(short) || type == typeof(ushort) => "smallint",
        _ when type == typeof(sbyte) || type == typeof(byte) => "tinyint",
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "real",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "timestamp",
        _ when type == typeof(DateOnly) => "date",
        _ when typeof(IDictionary).IsAssignableFrom(type) => "row",
        _ when typeof(IEnumerable).IsAssignableFrom(type) => "array",
        _ => "varchar",
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}={Format(d[k])}")) + "}",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The CSV Athena writes: a header, every value quoted, NULL as nothing.</summary>
    public static byte[] Csv(IReadOnlyList<AthenaColumn> columns, IReadOnlyList<string?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => Quoted(c.Name))).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(v => v is null ? string.Empty : Quoted(v))).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Quoted(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
