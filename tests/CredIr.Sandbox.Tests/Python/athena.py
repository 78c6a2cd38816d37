"""Drive the sandbox's Athena as a responder would: a CloudTrail table with partition projection over the
organization trail, queries by access key, paging, the CSV in S3, failures and the documented errors."""
import csv
import datetime
import io
import time

from common import EXTRA, client, emit, error

ACCOUNT = EXTRA["accountId"]
ORG = EXTRA["organizationId"]
OUTPUT = "s3://athena-results-%s/queries/" % ACCOUNT

s3 = client("s3")
s3.create_bucket(Bucket="athena-results-%s" % ACCOUNT)
iam = client("iam")
iam.create_user(UserName="athena-subject")
key = iam.create_access_key(UserName="athena-subject")["AccessKey"]
sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
for _ in range(EXTRA["calls"]):
    sts.get_caller_identity()

athena = client("athena")


def wait(qid):
    """Polls as every Athena client does, until the query ends (bounded: the test fails rather than hangs)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        execution = athena.get_query_execution(QueryExecutionId=qid)["QueryExecution"]
        if execution["Status"]["State"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return execution
        time.sleep(0.02)
    raise TimeoutError("query %s did not finish within 60 s" % qid)


def run(sql, workgroup="responders", database="cloudtrail"):
    qid = athena.start_query_execution(QueryString=sql, WorkGroup=workgroup, QueryExecutionContext={"Database": database})["QueryExecutionId"]
    return qid, wait(qid)


athena.create_work_group(Name="responders", Configuration={"ResultConfiguration": {"OutputLocation": OUTPUT}})
workgroup = athena.get_work_group(WorkGroup="responders")["WorkGroup"]
today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y/%m/%d")

_, db = run("CREATE DATABASE IF NOT EXISTS cloudtrail", database="default")
_, table = run("""
CREATE EXTERNAL TABLE org_trail (
    eventversion STRING,
    useridentity STRUCT<type: STRING, principalid: STRING, arn: STRING, accountid: STRING, accesskeyid: STRING, username: STRING>,
    eventtime STRING, eventsource STRING, eventname STRING, awsregion STRING,
    requestparameters STRING, resources ARRAY<STRUCT<arn: STRING, accountid: STRING, type: STRING>>
)
PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://org-trail-bucket/AWSLogs/%s/'
TBLPROPERTIES (
  'projection.enabled'='true',
  'projection.account.type'='injected',
  'projection.region.type'='enum', 'projection.region.values'='us-east-1,eu-west-1',
  'projection.timestamp.type'='date', 'projection.timestamp.format'='yyyy/MM/dd',
  'projection.timestamp.range'='2020/01/01,NOW', 'projection.timestamp.interval'='1', 'projection.timestamp.interval.unit'='DAYS',
  'storage.location.template'='s3://org-trail-bucket/AWSLogs/%s/${account}/CloudTrail/${region}/${timestamp}')
""" % (ORG, ORG))
_, again = run("CREATE EXTERNAL TABLE org_trail (x STRING) STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat' LOCATION 's3://b/'")

by_key = ("SELECT eventname, useridentity.accesskeyid AS keyid, useridentity.username AS username, eventtime, account, region, \"timestamp\" "
          "FROM org_trail WHERE account = '%s' AND region IN ('us-east-1') AND \"timestamp\" >= '%s' "
          "AND useridentity.accesskeyid = '%s' ORDER BY eventtime") % (ACCOUNT, today, key["AccessKeyId"])
qid, selected = run(by_key)
pages, rows, token, columns = [], [], None, None
while True:
    kwargs = {"QueryExecutionId": qid, "MaxResults": EXTRA["pageSize"]}
    if token:
        kwargs["NextToken"] = token
    page = athena.get_query_results(**kwargs)
    columns = [c["Name"] for c in page["ResultSet"]["ResultSetMetadata"]["ColumnInfo"]]
    types = [c["Type"] for c in page["ResultSet"]["ResultSetMetadata"]["ColumnInfo"]]
    pages.append(len(page["ResultSet"]["Rows"]))
    rows.extend([d.get("VarCharValue") for d in r["Data"]] for r in page["ResultSet"]["Rows"])
    token = page.get("NextToken")
    if not token:
        break

csv_body = s3.get_object(Bucket="athena-results-%s" % ACCOUNT, Key="queries/%s.csv" % qid)["Body"].read().decode()
_, pruned = run("SELECT count(*) AS n FROM org_trail WHERE account = '%s' AND region = 'eu-west-1'" % ACCOUNT)
qid_all, everything = run("SELECT count(*) AS n FROM org_trail WHERE account = '%s'" % ACCOUNT)
count_all = athena.get_query_results(QueryExecutionId=qid_all)["ResultSet"]["Rows"][1]["Data"][0]["VarCharValue"]
qid_json, as_json = run("SELECT json_format(CAST(resources AS JSON)) AS resources, json_extract_scalar(requestparameters, '$.bucketName') AS created "
                        "FROM AwsDataCatalog.cloudtrail.org_trail WHERE eventname = 'CreateBucket' AND account = '%s'" % ACCOUNT)
json_rows = athena.get_query_results(QueryExecutionId=qid_json)["ResultSet"]["Rows"]
qid_missing, missing = run("SELECT * FROM no_such_table")
_, syntax = run("SELEC nonsense FROM org_trail")
_, insert = run("INSERT INTO org_trail VALUES (1)")

token_first = athena.start_query_execution(QueryString="SELECT 1 AS one", WorkGroup="responders", ClientRequestToken="retry-token-000000000000000000000000001")["QueryExecutionId"]
token_again = athena.start_query_execution(QueryString="SELECT 1 AS one", WorkGroup="responders", ClientRequestToken="retry-token-000000000000000000000000001")["QueryExecutionId"]
run("""CREATE EXTERNAL TABLE unprojected (eventname STRING) PARTITIONED BY (region STRING)
STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat' LOCATION 's3://org-trail-bucket/AWSLogs/%s/'""" % ORG)
qid_unprojected, unprojected = run("SELECT count(*) AS n FROM unprojected")
unprojected_count = athena.get_query_results(QueryExecutionId=qid_unprojected)["ResultSet"]["Rows"][1]["Data"][0]["VarCharValue"]

athena.create_work_group(Name="slow-lane")
slow = athena.start_query_execution(QueryString="SELECT 1", WorkGroup="slow-lane", ResultConfiguration={"OutputLocation": OUTPUT})["QueryExecutionId"]
slow_state = athena.get_query_execution(QueryExecutionId=slow)["QueryExecution"]["Status"]["State"]
slow_results = error(lambda: athena.get_query_results(QueryExecutionId=slow))
athena.stop_query_execution(QueryExecutionId=slow)
stopped = athena.get_query_execution(QueryExecutionId=slow)["QueryExecution"]["Status"]

emit({
    "workgroupOutput": workgroup["Configuration"]["ResultConfiguration"]["OutputLocation"],
    "workgroupState": workgroup["State"],
    "database": db["Status"]["State"], "databaseType": db["StatementType"],
    "table": table["Status"], "tableAgain": again["Status"],
    "selected": {"state": selected["Status"]["State"], "type": selected["StatementType"],
                 "scanned": selected["Statistics"]["DataScannedInBytes"], "output": selected["ResultConfiguration"]["OutputLocation"],
                 "hasCompletion": "CompletionDateTime" in selected["Status"]},
    "pages": pages, "rows": rows, "columns": columns, "types": types,
    "csv": list(csv.reader(io.StringIO(csv_body))),
    "pruned": {"state": pruned["Status"]["State"], "scanned": pruned["Statistics"]["DataScannedInBytes"]},
    "everything": {"scanned": everything["Statistics"]["DataScannedInBytes"], "count": int(count_all)},
    "json": {"state": as_json["Status"], "rows": [[d.get("VarCharValue") for d in r["Data"]] for r in json_rows]},
    "missing": {"state": missing["Status"]["State"], "reason": missing["Status"].get("StateChangeReason"),
                "error": missing["Status"].get("AthenaError"), "results": error(lambda: athena.get_query_results(QueryExecutionId=qid_missing))},
    "syntax": {"state": syntax["Status"]["State"], "reason": syntax["Status"].get("StateChangeReason")},
    "insert": {"state": insert["Status"]["State"], "reason": insert["Status"].get("StateChangeReason")},
    "slow": {"state": slow_state, "results": slow_results, "stopped": stopped["State"]},
    "unknownQuery": error(lambda: athena.get_query_execution(QueryExecutionId="00000000-0000-0000-0000-000000000000")),
    "noOutput": error(lambda: athena.start_query_execution(QueryString="SELECT 1")),
    "noWorkgroup": error(lambda: athena.start_query_execution(QueryString="SELECT 1", WorkGroup="nope", ResultConfiguration={"OutputLocation": OUTPUT})),
    "duplicateWorkgroup": error(lambda: athena.create_work_group(Name="responders")),
    "badToken": error(lambda: athena.get_query_results(QueryExecutionId=qid, NextToken="bm90LW91cnM6MQ==")),
    "keyId": key["AccessKeyId"],
    "idempotent": {"first": token_first, "again": token_again},
    "unprojected": {"state": unprojected["Status"]["State"], "count": int(unprojected_count), "scanned": unprojected["Statistics"]["DataScannedInBytes"]},
})
