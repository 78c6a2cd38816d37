using System.Text;
using System.Text.RegularExpressions;

namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// Which log files a table reads and their partition values: keys matched against the table's location template
/// (partition projection) or under its location (no partitions). A partitioned table without projection has no
/// partitions loaded (the sandbox runs no MSCK REPAIR), so it reads nothing, as Athena would.
/// </summary>
internal static class TableFiles
{
    public static IReadOnlyList<TableFile> Select(AthenaTable table, IReadOnlyList<SnapshotFile> files, PartitionFilter filter)
    {
        if (table.PartitionColumns.Count == 0)
        {
            var prefix = table.Prefix;
            return files.Where(f => f.OrganizationKey.StartsWith(prefix, StringComparison.Ordinal) || f.AccountKey.StartsWith(prefix, StringComparison.Ordinal))
                .Select(f => new TableFile(f, [])).ToList();
        }

        if (!table.Projected)
        {
            return [];
        }

        var template = TemplateRegex(table);
        var selected = new List<TableFile>();
        foreach (var file in files)
        {
            var match = template.Match(file.OrganizationKey);
            if (!match.Success)
            {
                match = template.Match(file.AccountKey);
            }

            if (!match.Success)
            {
                continue;
            }

            var values = table.PartitionColumns.Select(c => match.Groups[c] is { Success: true } g ? g.Value : null).ToArray();
            if (table.PartitionColumns.Select((c, i) => InProjection(table, c, values[i]) && filter.Admits(c, values[i])).All(ok => ok))
            {
                selected.Add(new TableFile(file, values));
            }
        }

        return selected;
    }

    private static bool InProjection(AthenaTable table, string column, string? value) =>
        table.Property(column, "type")?.ToLowerInvariant() != "enum"
        || (table.Property(column, "values") ?? string.Empty).Split(',').Select(v => v.Trim()).Contains(value, StringComparer.Ordinal);

    private static Regex TemplateRegex(AthenaTable table)
    {
        var pattern = new StringBuilder("^");
        var template = table.KeyTemplate;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                pattern.Append(Regex.Escape(template[i..]));
                break;
            }

            var close = template.IndexOf('}', open);
            pattern.Append(Regex.Escape(template[i..open]));
            var column = template[(open + 2)..close];
            var value = table.Property(column, "type")?.ToLowerInvariant() == "date"
                ? DateRegex(table.Property(column, "format") ?? "yyyy/MM/dd")
                : "[^/]+";
            pattern.Append("(?<").Append(column).Append('>').Append(value).Append(')');
            i = close + 1;
        }

        return new Regex(pattern.Append("(?:/|$)").ToString(), RegexOptions.CultureInvariant);
    }

    private static string DateRegex(string format) =>
        Regex.Escape(format).Replace("yyyy", @"\d{4}", StringComparison.Ordinal).Replace("MM", @"\d{2}", StringComparison.Ordinal)
            .Replace("dd", @"\d{2}", StringComparison.Ordinal).Replace("HH", @"\d{2}", StringComparison.Ordinal);
}

/// <summary>A file a table reads, with its partition values in the table's partition column order.</summary>
internal sealed record TableFile(SnapshotFile File, IReadOnlyList<string?> Values);
