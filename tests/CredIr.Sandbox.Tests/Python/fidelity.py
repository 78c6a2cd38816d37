"""Calls where the sandbox must match AWS that the responder's own client relies on; one run, one JSON result."""
import json

from common import EXTRA, client, emit, error

result = {}


def s3_copy():
    """Restoring an overwritten object: copy its prior version onto itself."""
    s3 = client("s3")
    bucket, key = EXTRA["bucket"], "config/app.json"
    first = s3.put_object(Bucket=bucket, Key=key, Body=b'{"v":1}', ContentType="application/json")
    s3.put_object(Bucket=bucket, Key=key, Body=b'{"v":"evil"}')
    copied = s3.copy_object(Bucket=bucket, Key=key, CopySource={"Bucket": bucket, "Key": key, "VersionId": first["VersionId"]})
    current = s3.get_object(Bucket=bucket, Key=key)
    plain = s3.copy_object(Bucket=bucket, Key="config/app copy+1.json", CopySource=f"{bucket}/{key}")
    result["s3Copy"] = {
        "etag": copied["CopyObjectResult"]["ETag"],
        "firstEtag": first["ETag"],
        "hasLastModified": "LastModified" in copied["CopyObjectResult"],
        "versionId": copied.get("VersionId"),
        "copySourceVersionId": copied.get("CopySourceVersionId"),
        "firstVersionId": first["VersionId"],
        "restored": current["Body"].read().decode(),
        "restoredVersionId": current.get("VersionId"),
        "restoredContentType": current.get("ContentType"),
        "plainCopy": s3.get_object(Bucket=bucket, Key="config/app copy+1.json")["Body"].read().decode(),
        "plainEtag": plain["CopyObjectResult"]["ETag"],
        "noSuchKey": error(lambda: s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "missing"})),
        "noSuchVersion": error(lambda: s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": key, "VersionId": "0" * 32})),
        "toItself": error(lambda: s3.copy_object(Bucket=bucket, Key=key, CopySource={"Bucket": bucket, "Key": key})),
    }


def ec2_tags():
    """Tags at launch, filters and paging on DescribeInstances, and the Tag calls a persistence hunt looks for."""
    ec2 = client("ec2", region="us-east-2")
    red = ec2.run_instances(ImageId="ami-0abc", InstanceType="t3.micro", MinCount=6, MaxCount=6,
                            TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "team", "Value": "red"}]}])
    web = ec2.run_instances(ImageId="ami-0abc", InstanceType="t3.large", MinCount=1, MaxCount=1,
                            IamInstanceProfile={"Name": "app-server-profile"},
                            TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web-1"}, {"Key": "team", "Value": "blue"}]},
                                               {"ResourceType": "volume", "Tags": [{"Key": "ignored", "Value": "x"}]}])
    web_id = web["Instances"][0]["InstanceId"]
    red_ids = [i["InstanceId"] for i in red["Instances"]]
    ec2.terminate_instances(InstanceIds=[red_ids[0]])

    def ids(**kwargs):
        return sorted(i["InstanceId"] for r in ec2.describe_instances(**kwargs)["Reservations"] for i in r["Instances"])

    pages = []
    token = None
    while True:
        page = ec2.describe_instances(Filters=[{"Name": "tag:team", "Values": ["red"]}], MaxResults=5, **({"NextToken": token} if token else {}))
        pages.append(sum(len(r["Instances"]) for r in page["Reservations"]))
        token = page.get("NextToken")
        if not token:
            break
    ec2.create_tags(Resources=[web_id], Tags=[{"Key": "backdoor", "Value": "yes"}])
    after_create = ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [web_id]}])["Tags"]
    ec2.delete_tags(Resources=[web_id], Tags=[{"Key": "backdoor"}, {"Key": "team", "Value": "not-blue"}])
    after_delete = ec2.describe_instances(InstanceIds=[web_id])["Reservations"][0]["Instances"][0].get("Tags", [])
    result["ec2"] = {
        "webId": web_id,
        "redIds": red_ids,
        "runTags": sorted(f'{t["Key"]}={t["Value"]}' for t in web["Instances"][0].get("Tags", [])),
        "byTag": ids(Filters=[{"Name": "tag:team", "Values": ["blue", "green"]}]),
        "byTagKey": ids(Filters=[{"Name": "tag-key", "Values": ["Name"]}]),
        "byProfile": ids(Filters=[{"Name": "iam-instance-profile.arn", "Values": ["arn:aws:iam::*:instance-profile/app-server-profile"]}]),
        "byType": ids(Filters=[{"Name": "instance-type", "Values": ["t3.micro"]}]),
        "runningRed": ids(Filters=[{"Name": "instance-state-name", "Values": ["running"]}, {"Name": "tag:team", "Values": ["red"]}]),
        "byId": ids(InstanceIds=[web_id, red_ids[1]]),
        "byIdAndFilter": ids(InstanceIds=[web_id, red_ids[1]], Filters=[{"Name": "instance-id", "Values": [red_ids[1]]}]),
        "pages": pages,
        "describeTags": sorted(f'{t["ResourceId"]}:{t["ResourceType"]}:{t["Key"]}={t["Value"]}' for t in after_create),
        "afterDelete": sorted(f'{t["Key"]}={t["Value"]}' for t in after_delete),
        "badFilter": error(lambda: ec2.describe_instances(Filters=[{"Name": "no-such-filter", "Values": ["x"]}])),
        "idsWithMax": error(lambda: ec2.describe_instances(InstanceIds=[web_id], MaxResults=5)),
    }


def iam_lambda_listing():
    """PathPrefix on IAM lists; MaxItems and Marker on Lambda's."""
    iam = client("iam")
    iam.create_user(UserName="ops-runner", Path="/ops/")
    iam.create_role(RoleName="ops-role", Path="/ops/", AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}')
    iam.create_policy(PolicyName="ops-policy", Path="/ops/", PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}')
    role_arn = iam.get_role(RoleName="ops-role")["Role"]["Arn"]
    lam = client("lambda", region="us-east-2")
    for name in ["fn-a", "fn-b", "fn-c"]:
        lam.create_function(FunctionName=name, Runtime="python3.12", Role=role_arn, Handler="h.h", Code={"ZipFile": b"PK"})
    first = lam.list_functions(MaxItems=2)
    second = lam.list_functions(MaxItems=2, Marker=first["NextMarker"])
    result["listing"] = {
        "users": [u["UserName"] for u in iam.list_users(PathPrefix="/ops/")["Users"]],
        "allUsers": len(iam.list_users()["Users"]),
        "roles": [r["RoleName"] for r in iam.list_roles(PathPrefix="/ops/")["Roles"]],
        "policies": [p["PolicyName"] for p in iam.list_policies(PathPrefix="/ops/")["Policies"]],
        "badPrefix": error(lambda: iam.list_users(PathPrefix="ops")),
        "firstPage": [f["FunctionName"] for f in first["Functions"]],
        "secondPage": [f["FunctionName"] for f in second["Functions"]],
        "secondMarker": second.get("NextMarker"),
        "paginated": [f["FunctionName"] for page in lam.get_paginator("list_functions").paginate(PaginationConfig={"PageSize": 1}) for f in page["Functions"]],
        "badMarker": error(lambda: lam.list_functions(Marker="garbage")),
    }


def suspended_account():
    """A closed member account: SUSPENDED in ListAccounts, and its roles can no longer be assumed."""
    mgmt = EXTRA["management"]
    orgs = client("organizations", mgmt["accessKeyId"], mgmt["secretAccessKey"])
    sts = client("sts", mgmt["accessKeyId"], mgmt["secretAccessKey"])
    statuses = {a["Id"]: a["Status"] for page in orgs.get_paginator("list_accounts").paginate() for a in page["Accounts"]}
    role = "arn:aws:iam::{}:role/OrganizationAccountAccessRole"
    result["suspended"] = {
        "statuses": statuses,
        "described": orgs.describe_account(AccountId=EXTRA["suspendedAccountId"])["Account"]["Status"],
        "assumeSuspended": error(lambda: sts.assume_role(RoleArn=role.format(EXTRA["suspendedAccountId"]), RoleSessionName="ir")),
        "assumeActive": error(lambda: sts.assume_role(RoleArn=role.format(EXTRA["prodAccountId"]), RoleSessionName="ir")),
    }


def bucket_policy():
    """Eradication's isolation: a deny-all bucket policy binds the owner too; an allow lets another account in."""
    s3 = client("s3")
    mgmt = EXTRA["management"]
    other = client("s3", mgmt["accessKeyId"], mgmt["secretAccessKey"])
    bucket, key = EXTRA["bucket"], "customers/export.csv"
    arn = f"arn:aws:s3:::{bucket}"
    deny = json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "Isolate", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": f"{arn}/*"}]})
    grant = json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": "Mgmt", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{EXTRA['managementAccountId']}:root"}, "Action": ["s3:GetObject", "s3:GetBucketPolicy"], "Resource": [arn, f"{arn}/*"]}]})
    before = error(lambda: s3.get_bucket_policy(Bucket=bucket))
    other_before = error(lambda: other.get_object(Bucket=bucket, Key=key))
    s3.put_bucket_policy(Bucket=bucket, Policy=deny)
    stored = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
    owner_denied = error(lambda: s3.get_object(Bucket=bucket, Key=key))
    s3.delete_bucket_policy(Bucket=bucket)
    owner_after = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
    s3.put_bucket_policy(Bucket=bucket, Policy=grant)
    other_granted = other.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
    other_put = error(lambda: other.put_bucket_policy(Bucket=bucket, Policy=deny))
    other_get_policy = error(lambda: other.get_bucket_policy(Bucket=bucket))
    s3.delete_bucket_policy(Bucket=bucket)
    result["bucketPolicy"] = {
        "before": before,
        "stored": stored["Statement"][0]["Sid"],
        "ownerDenied": owner_denied,
        "ownerAfterDelete": owner_after,
        "otherBefore": other_before,
        "otherGranted": other_granted,
        "otherPut": other_put,
        "otherGetPolicy": other_get_policy,
        "malformed": error(lambda: s3.put_bucket_policy(Bucket=bucket, Policy="not json")),
    }


s3_copy()
bucket_policy()
suspended_account()
iam_lambda_listing()
ec2_tags()
emit(result)
