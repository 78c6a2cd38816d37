using System.Globalization;
using System.Text;

namespace CredIr.Eradication.Trails.Athena;

/// <summary>
/// The SQL the Athena source runs, in Athena's (Trino's) dialect: CloudTrail's documented table with partition
/// projection over account, region and day for an organization trail, and one SELECT per closure round that names
/// every credential of the round and prunes by partition. Credential predicates may match more than the closure
/// wants (user names by ARN suffix); the engine attributes exactly.
/// </summary>
internal static class AthenaSql
{
    public static string CreateDatabase(AthenaTarget target) => $"CREATE DATABASE IF NOT EXISTS `{target.Database}`";

    public static string CreateTable(AthenaTarget target, IReadOnlyList<string> accounts, IReadOnlyList<string> regions)
    {
        var location = target.TrailLocation!.EndsWith('/') ? target.TrailLocation : target.TrailLocation + "/";
        return $$"""
            CREATE EXTERNAL TABLE IF NOT EXISTS `{{target.Database}}`.`{{target.Table}}` (
                eventversion STRING,
                useridentity STRUCT<
                    type: STRING, principalid: STRING, arn: STRING, accountid: STRING, invokedby: STRING, accesskeyid: STRING, username: STRING,
                    sessioncontext: STRUCT<
                        attributes: STRUCT<mfaauthenticated: STRING, creationdate: STRING>,
                        sessionissuer: STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, username: STRING>>>,
                eventtime STRING,
                eventsource STRING,
                eventname STRING,
                awsregion STRING,
                sourceipaddress STRING,
                useragent STRING,
                errorcode STRING,
                errormessage STRING,
                requestparameters STRING,
                responseelements STRING,
                additionaleventdata STRING,
                requestid STRING,
                eventid STRING,
                readonly STRING,
                resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>,
                eventtype STRING,
                apiversion STRING,
                recipientaccountid STRING,
                serviceeventdetails STRING,
                sharedeventid STRING,
                vpcendpointid STRING,
                eventcategory STRING,
                sessioncredentialfromconsole STRING
            )
            PARTITIONED BY (`account` STRING, `region` STRING, `timestamp` STRING)
            ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
            STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
            OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
            LOCATION '{{location}}'
            TBLPROPERTIES (
                'projection.enabled'='true',
                'projection.account.type'='enum',
                'projection.account.values'='{{string.Join(',', accounts)}}',
                'projection.region.type'='enum',
                'projection.region.values'='{{string.Join(',', regions)}}',
                'projection.timestamp.type'='date',
                'projection.timestamp.format'='yyyy/MM/dd',
                'projection.timestamp.range'='2013/01/01,NOW',
                'projection.timestamp.interval'='1',
                'projection.timestamp.interval.unit'='DAYS',
                'storage.location.template'='{{location}}${account}/CloudTrail/${region}/${timestamp}'
            )
            """;
    }

    /// <summary>Every column the closure needs, flattened to text, for the records of one round.</summary>
    public static string Select(AthenaTarget target, TrailQuery query)
    {
        var sql = new StringBuilder($"""
            SELECT eventversion,
              useridentity.type AS ui_type, useridentity.principalid AS ui_principalid, useridentity.arn AS ui_arn,
              useridentity.accountid AS ui_accountid, useridentity.invokedby AS ui_invokedby, useridentity.accesskeyid AS ui_accesskeyid,
              useridentity.username AS ui_username,
              useridentity.sessioncontext.attributes.mfaauthenticated AS sc_mfaauthenticated,
              useridentity.sessioncontext.attributes.creationdate AS sc_creationdate,
              useridentity.sessioncontext.sessionissuer.type AS si_type, useridentity.sessioncontext.sessionissuer.principalid AS si_principalid,
              useridentity.sessioncontext.sessionissuer.arn AS si_arn, useridentity.sessioncontext.sessionissuer.accountid AS si_accountid,
              useridentity.sessioncontext.sessionissuer.username AS si_username,
              eventtime, eventsource, eventname, awsregion, sourceipaddress, useragent, errorcode, errormessage,
              requestparameters, responseelements, additionaleventdata, requestid, eventid, readonly,
              json_format(CAST(resources AS JSON)) AS resources_json,
              eventtype, recipientaccountid, sharedeventid, eventcategory, sessioncredentialfromconsole, account
            FROM "{target.Database}"."{target.Table}"
            WHERE "timestamp" BETWEEN '{Day(query.Since)}' AND '{Day(query.Until)}'
            """);
        if (query.Accounts.Count > 0)
        {
            sql.Append("\n  AND account IN (").Append(List(query.Accounts)).Append(')');
        }

        if (query.Regions.Count > 0)
        {
            sql.Append("\n  AND region IN (").Append(List(query.Regions)).Append(')');
        }

        sql.Append(CultureInfo.InvariantCulture, $"\n  AND eventtime >= '{Time(query.Since)}' AND eventtime <= '{Time(query.Until)}'");
        var filter = query.Filter;
        if (!filter.IsEmpty)
        {
            var any = new List<string>();
            if (filter.AccessKeyIds.Count > 0)
            {
                any.Add($"useridentity.accesskeyid IN ({List(filter.AccessKeyIds)})");
            }

            foreach (var user in filter.UserNames.Order(StringComparer.Ordinal))
            {
                any.Add($"useridentity.username = {Literal(user)}");
                any.Add($"useridentity.arn LIKE {Literal("%/" + user)}");
            }

            if (filter.PrincipalArns.Count > 0)
            {
                any.Add($"useridentity.arn IN ({List(filter.PrincipalArns)})");
                any.Add($"useridentity.sessioncontext.sessionissuer.arn IN ({List(filter.PrincipalArns)})");
            }

            foreach (var resource in filter.ResourceNames.Order(StringComparer.Ordinal))
            {
                any.Add($"strpos(requestparameters, {Literal(resource)}) > 0");
                any.Add($"strpos(json_format(CAST(resources AS JSON)), {Literal(resource)}) > 0");
            }

            sql.Append("\n  AND (").AppendJoin("\n    OR ", any).Append(')');
        }

        return sql.ToString();
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal).Select(Literal));

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
