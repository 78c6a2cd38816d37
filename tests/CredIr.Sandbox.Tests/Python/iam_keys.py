"""Create a user and key, use the new key, then refuse it once Inactive and once deleted."""
from common import INPUT, client, emit, error

iam = client("iam")
result = {}
iam.create_user(UserName="tester")
iam.attach_user_policy(UserName="tester", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
key = iam.create_access_key(UserName="tester")["AccessKey"]
result["newKeyId"] = key["AccessKeyId"]
new_sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
new_iam = client("iam", key["AccessKeyId"], key["SecretAccessKey"])
result["newKeyArn"] = new_sts.get_caller_identity()["Arn"]
result["newKeyListUsers"] = sorted(u["UserName"] for u in new_iam.list_users()["Users"])
result["deleteUserWithKey"] = error(lambda: iam.delete_user(UserName="tester"))
iam.update_access_key(UserName="tester", AccessKeyId=key["AccessKeyId"], Status="Inactive")
result["listedStatus"] = [k["Status"] for k in iam.list_access_keys(UserName="tester")["AccessKeyMetadata"]]
result["inactive"] = error(lambda: new_sts.get_caller_identity())
iam.update_access_key(UserName="tester", AccessKeyId=key["AccessKeyId"], Status="Active")
result["reactivated"] = new_sts.get_caller_identity()["Arn"]
last = iam.get_access_key_last_used(AccessKeyId=key["AccessKeyId"])["AccessKeyLastUsed"]
result["lastUsedService"] = last.get("ServiceName")
result["unknown"] = error(lambda: client("iam", "AKIAUNKNOWNKEY000000", "x" * 40).list_users())
result["badSignature"] = error(lambda: client("iam", INPUT["accessKeyId"], "y" * 40).list_users())
token = new_sts.get_session_token(DurationSeconds=900)["Credentials"]
result["sessionTokenArn"] = client("sts", token["AccessKeyId"], token["SecretAccessKey"], token["SessionToken"]).get_caller_identity()["Arn"]
result["sessionTokenFromSession"] = error(lambda: client("sts", token["AccessKeyId"], token["SecretAccessKey"], token["SessionToken"]).get_session_token())
policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}'
fed = new_sts.get_federation_token(Name="contractor", Policy=policy, DurationSeconds=900)
fed_iam = client("iam", fed["Credentials"]["AccessKeyId"], fed["Credentials"]["SecretAccessKey"], fed["Credentials"]["SessionToken"])
result["federatedArn"] = fed["FederatedUser"]["Arn"]
result["federatedList"] = error(lambda: fed_iam.list_users())
result["federatedCreate"] = error(lambda: fed_iam.create_user(UserName="contractor-made"))
iam.delete_access_key(UserName="tester", AccessKeyId=key["AccessKeyId"])
result["deleted"] = error(lambda: new_sts.get_caller_identity())
iam.detach_user_policy(UserName="tester", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
iam.delete_user(UserName="tester")
result["afterDelete"] = error(lambda: iam.get_user(UserName="tester"))
emit(result)
