using System.Buffers.Text;
using System.Text;
using CredIr.Contracts.V1;

namespace CredIr.Incidents.Storage;

internal abstract partial class SqlIncidentStore
{
    private const int MaxPageSize = 500;

    /// <summary>
    /// A page holds incidents up to this many bytes (at least one), well under the 4 MiB clients receive by
    /// default: a page of large incidents ends early, with a next page token.
    /// </summary>
    internal const int MaxPageBytes = 2 * 1024 * 1024;
    private const string PageTokenPrefix = "after:";

    public async Task<IncidentPage> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        var pageSize = query.PageSize <= 0 ? 50 : Math.Min(query.PageSize, MaxPageSize);
        var after = DecodePageToken(query.PageToken);
        var sql = new StringBuilder("SELECT state FROM incidents WHERE id > @after");
        var phases = query.Phases.Distinct().ToArray();
        if (phases.Length > 0)
        {
            sql.Append(" AND phase IN (").AppendJoin(", ", phases.Select((_, i) => "@p" + i)).Append(')');
        }

        // One more row than asked tells whether a next page exists without a count query.
        sql.Append(" ORDER BY id LIMIT @limit");
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql.ToString());
        Param(command, "@after", after);
        Param(command, "@limit", pageSize + 1);
        for (var i = 0; i < phases.Length; i++)
        {
            Param(command, "@p" + i, (int)phases[i]);
        }

        var incidents = new List<Incident>();
        var bytes = 0L;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = (byte[])reader.GetValue(0);
            bytes += state.Length;
            if (incidents.Count > 0 && incidents.Count < pageSize && bytes > MaxPageBytes)
            {
                // Full by size: end the page at the last incident that fitted.
                return new IncidentPage(incidents, EncodePageToken(incidents[^1].IncidentId));
            }

            incidents.Add(Incident.Parser.ParseFrom(state));
        }

        if (incidents.Count <= pageSize)
        {
            return new IncidentPage(incidents, null);
        }

        incidents.RemoveAt(pageSize);
        return new IncidentPage(incidents, EncodePageToken(incidents[^1].IncidentId));
    }

    private static string EncodePageToken(string lastId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(PageTokenPrefix + lastId));

    private static string DecodePageToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return string.Empty;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (text.StartsWith(PageTokenPrefix, StringComparison.Ordinal))
            {
                return text[PageTokenPrefix.Length..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the same refusal as a token of the wrong shape.
        }

        throw new InvalidPageTokenException();
    }
}
