"""IAM's eventual consistency: a key set Inactive still works until the change has propagated.

Step "deactivate": make a user and key, deactivate it, use it at once. Step "later" (after the test moved the
sandbox's clock past the delay): use the same key again."""
from common import INPUT, client, emit, error

extra = INPUT["extra"]
result = {}
if extra["step"] == "deactivate":
    iam = client("iam")
    iam.create_user(UserName="slow-to-stop")
    key = iam.create_access_key(UserName="slow-to-stop")["AccessKey"]
    iam.update_access_key(UserName="slow-to-stop", AccessKeyId=key["AccessKeyId"], Status="Inactive")
    result["listedStatus"] = [k["Status"] for k in iam.list_access_keys(UserName="slow-to-stop")["AccessKeyMetadata"]]
    result["justAfter"] = client("sts", key["AccessKeyId"], key["SecretAccessKey"]).get_caller_identity()["Arn"]
    result["key"] = {"id": key["AccessKeyId"], "secret": key["SecretAccessKey"]}
else:
    result["later"] = error(lambda: client("sts", extra["id"], extra["secret"]).get_caller_identity())
emit(result)
