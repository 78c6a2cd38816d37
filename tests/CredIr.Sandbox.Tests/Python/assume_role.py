"""AssumeRole into a member account and act with the session; a caller without rights is refused."""
from common import EXTRA, client, emit, error

creds = client("sts").assume_role(RoleArn=EXTRA["roleArn"], RoleSessionName="responder", DurationSeconds=900)["Credentials"]
session_sts = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
session_iam = client("iam", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
reader = EXTRA["reader"]
org = client("organizations")
pages, token = [], None
while True:
    page = org.list_accounts(MaxResults=2, **({"NextToken": token} if token else {}))
    pages.append([a["Id"] for a in page["Accounts"]])
    token = page.get("NextToken")
    if not token:
        break
emit({
    "accountPages": pages,
    "accessKeyId": creds["AccessKeyId"],
    "identity": session_sts.get_caller_identity(),
    "roles": sorted(r["RoleName"] for r in session_iam.list_roles()["Roles"]),
    "withoutToken": error(lambda: client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], "forged-token").get_caller_identity()),
    "readerAssume": error(lambda: client("sts", reader["accessKeyId"], reader["secretAccessKey"]).assume_role(RoleArn=EXTRA["roleArn"], RoleSessionName="reader")),
})
