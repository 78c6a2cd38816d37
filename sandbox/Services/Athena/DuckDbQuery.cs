using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace CredIr.Sandbox.Services.Athena;

/// <summary>
/// Runs one SELECT on DuckDB over the trail's log files. Each CloudTrail table becomes a view with the columns of
/// CloudTrail's documented Athena DDL (lower-case names; userIdentity and resources as structs; requestParameters,
/// responseElements, additionalEventData and serviceEventDetails as JSON text; readOnly as a string) plus its
/// partition columns, read only from the files partition pruning keeps.
/// The Presto/Trino-isms translated (and nothing else): the catalog prefix <c>AwsDataCatalog.</c> is dropped;
/// <c>json_format(x)</c>, <c>json_extract_scalar(j, path)</c> and <c>from_iso8601_timestamp(s)</c> are macros over
/// DuckDB's own functions; <c>CAST(x AS JSON)</c> and dotted struct access are DuckDB's already.
/// </summary>
internal static partial class DuckDbQuery
{
    private const string Macros = """
        CREATE MACRO json_format(x) AS CAST(x AS VARCHAR);
        CREATE MACRO json_extract_scalar(j, p) AS json_extract_string(j, p);
        CREATE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ);
        """;

    private const string Columns = """
        json_extract_string(r, '$.eventVersion') AS eventversion,
        struct_pack(
          type := json_extract_string(r, '$.userIdentity.type'),
          principalid := json_extract_string(r, '$.userIdentity.principalId'),
          arn := json_extract_string(r, '$.userIdentity.arn'),
          accountid := json_extract_string(r, '$.userIdentity.accountId'),
          invokedby := json_extract_string(r, '$.userIdentity.invokedBy'),
          accesskeyid := json_extract_string(r, '$.userIdentity.accessKeyId'),
          username := json_extract_string(r, '$.userIdentity.userName'),
          sessioncontext := struct_pack(
            attributes := struct_pack(
              mfaauthenticated := json_extract_string(r, '$.userIdentity.sessionContext.attributes.mfaAuthenticated'),
              creationdate := json_extract_string(r, '$.userIdentity.sessionContext.attributes.creationDate')),
            sessionissuer := struct_pack(
              type := json_extract_string(r, '$.userIdentity.sessionContext.sessionIssuer.type'),
              principalid := json_extract_string(r, '$.userIdentity.sessionContext.sessionIssuer.principalId'),
              arn := json_extract_string(r, '$.userIdentity.sessionContext.sessionIssuer.arn'),
              accountid := json_extract_string(r, '$.userIdentity.sessionContext.sessionIssuer.accountId'),
              username := json_extract_string(r, '$.userIdentity.sessionContext.sessionIssuer.userName')))) AS useridentity,
        json_extract_string(r, '$.eventTime') AS eventtime,
        json_extract_string(r, '$.eventSource') AS eventsource,
        json_extract_string(r, '$.eventName') AS eventname,
        json_extract_string(r, '$.awsRegion') AS awsregion,
        json_extract_string(r, '$.sourceIPAddress') AS sourceipaddress,
        json_extract_string(r, '$.userAgent') AS useragent,
        json_extract_string(r, '$.errorCode') AS errorcode,
        json_extract_string(r, '$.errorMessage') AS errormessage,
        NULLIF(CAST(json_extract(r, '$.requestParameters') AS VARCHAR), 'null') AS requestparameters,
        NULLIF(CAST(json_extract(r, '$.responseElements') AS VARCHAR), 'null') AS responseelements,
        NULLIF(CAST(json_extract(r, '$.additionalEventData') AS VARCHAR), 'null') AS additionaleventdata,
        json_extract_string(r, '$.requestID') AS requestid,
        json_extract_string(r, '$.eventID') AS eventid,
        json_extract_string(r, '$.readOnly') AS readonly,
        list_transform(from_json(json_extract(r, '$.resources'), '[{"ARN":"VARCHAR","accountId":"VARCHAR","type":"VARCHAR"}]'),
          lambda x: struct_pack(arn := x.ARN, accountid := x.accountId, type := x.type)) AS resources,
        json_extract_string(r, '$.eventType') AS eventtype,
        json_extract_string(r, '$.apiVersion') AS apiversion,
        json_extract_string(r, '$.recipientAccountId') AS recipientaccountid,
        NULLIF(CAST(json_extract(r, '$.serviceEventDetails') AS VARCHAR), 'null') AS serviceeventdetails,
        json_extract_string(r, '$.sharedEventID') AS sharedeventid,
        json_extract_string(r, '$.vpcEndpointId') AS vpcendpointid,
        json_extract_string(r, '$.eventCategory') AS eventcategory,
        json_extract_string(r, '$.sessionCredentialFromConsole') AS sessioncredentialfromconsole
        """;

    public static QueryOutcome Run(string sql, string database, IReadOnlyList<AthenaTable> tables, IReadOnlyList<SnapshotFile> files, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var referenced = tables.Where(t => Regex.IsMatch(sql, $@"\b{Regex.Escape(t.Name)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        var setup = new StringBuilder(Macros);
        long scanned = 0;
        foreach (var schema in referenced.Select(t => t.Database).Append(database).Distinct(StringComparer.Ordinal))
        {
            setup.Append(CultureInfo.InvariantCulture, $"CREATE SCHEMA {Quote(schema)};\n");
        }

        foreach (var table in referenced)
        {
            var read = TableFiles.Select(table, files, PartitionFilter.Parse(sql, table.PartitionColumns));
            scanned += read.Sum(f => f.File.Size);
            setup.Append(View(table, read)).Append(";\n");
        }

        setup.Append(CultureInfo.InvariantCulture, $"SET schema = {Literal(database)};\n");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var prepare = connection.CreateCommand())
        {
            prepare.CommandText = setup.ToString();
            prepare.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = CatalogPrefixRegex().Replace(sql, string.Empty);
        using var registration = ct.Register(static c => ((DuckDBConnection)c!).Dispose(), connection);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new AthenaColumn(reader.GetName(i), AthenaValues.TypeName(reader.GetFieldType(i)))).ToList();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : AthenaValues.Format(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new QueryOutcome(columns, rows, scanned, watch.ElapsedMilliseconds);
    }

    private static string View(AthenaTable table, IReadOnlyList<TableFile> read)
    {
        var partitions = table.PartitionColumns;
        var select = new StringBuilder($"CREATE VIEW {Quote(table.Database)}.{Quote(table.Name)} AS SELECT {Columns}");
        foreach (var column in partitions)
        {
            select.Append(CultureInfo.InvariantCulture, $", p.{Quote(column)}");
        }

        if (read.Count == 0)
        {
            // No file to read: the same columns, no rows (read_json refuses an empty list).
            select.Append(" FROM (SELECT CAST(NULL AS JSON) AS r) AS f");
            if (partitions.Count > 0)
            {
                select.Append(" CROSS JOIN (SELECT ").AppendJoin(", ", partitions.Select(c => $"CAST(NULL AS VARCHAR) AS {Quote(c)}")).Append(") AS p");
            }

            return select.Append(" WHERE false").ToString();
        }

        select.Append(" FROM (SELECT unnest(Records) AS r, filename FROM read_json([")
            .AppendJoin(", ", read.Select(f => Literal(f.File.Path)))
            .Append("], columns = {Records: 'JSON[]'}, filename = true, format = 'unstructured')) AS f");
        if (partitions.Count > 0)
        {
            select.Append(" JOIN (VALUES ")
                .AppendJoin(", ", read.Select(f => "(" + string.Join(", ", f.Values.Select(v => v is null ? "CAST(NULL AS VARCHAR)" : Literal(v)).Prepend(Literal(f.File.Path))) + ")"))
                .Append(") AS p(\"$path\", ").AppendJoin(", ", partitions.Select(Quote)).Append(") ON p.\"$path\" = f.filename");
        }

        return select.ToString();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"(?<![\w.""])""?awsdatacatalog""?\s*\.\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CatalogPrefixRegex();
}

/// <summary>What a SELECT gave: its columns, rows (values as Athena's text), the bytes of the files it read, and its time.</summary>
internal sealed record QueryOutcome(IReadOnlyList<AthenaColumn> Columns, IReadOnlyList<string?[]> Rows, long BytesScanned, long EngineMillis);
