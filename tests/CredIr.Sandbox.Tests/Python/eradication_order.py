"""Deleting what an actor made, out of order first (AWS answers DeleteConflict / BucketNotEmpty), then in order; tags on the way."""
import io
import json
import zipfile

from common import client, emit, error

iam, s3 = client("iam"), client("s3")
lam = client("lambda", region="eu-west-1")
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
lambda_trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
doc = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})
result = {}

iam.create_user(UserName="persist", Tags=[{"Key": "app", "Value": "pay"}])
iam.tag_user(UserName="persist", Tags=[{"Key": "APP", "Value": "payments"}, {"Key": "team", "Value": "red"}])
result["userTags"] = iam.list_user_tags(UserName="persist")["Tags"]
result["getUserTags"] = iam.get_user(UserName="persist")["User"].get("Tags")
iam.untag_user(UserName="persist", TagKeys=["team"])
result["userTagsAfterUntag"] = [t["Key"] for t in iam.list_user_tags(UserName="persist")["Tags"]]
iam.create_access_key(UserName="persist")
iam.create_login_profile(UserName="persist", Password="Sandbox-Only-Passw0rd!")
iam.attach_user_policy(UserName="persist", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
iam.put_user_policy(UserName="persist", PolicyName="inline", PolicyDocument=doc)
iam.create_group(GroupName="crew")
iam.add_user_to_group(UserName="persist", GroupName="crew")
conflicts = []
conflicts.append(error(lambda: iam.delete_user(UserName="persist")))
for key in iam.list_access_keys(UserName="persist")["AccessKeyMetadata"]:
    iam.delete_access_key(UserName="persist", AccessKeyId=key["AccessKeyId"])
conflicts.append(error(lambda: iam.delete_user(UserName="persist")))
iam.detach_user_policy(UserName="persist", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
iam.delete_user_policy(UserName="persist", PolicyName="inline")
conflicts.append(error(lambda: iam.delete_user(UserName="persist")))
iam.delete_login_profile(UserName="persist")
conflicts.append(error(lambda: iam.delete_user(UserName="persist")))
iam.remove_user_from_group(UserName="persist", GroupName="crew")
result["userConflicts"] = conflicts
result["userDeleted"] = error(lambda: iam.delete_user(UserName="persist"))

iam.create_role(RoleName="persist-role", AssumeRolePolicyDocument=trust, Tags=[{"Key": "app", "Value": "pay"}])
result["roleTags"] = iam.list_role_tags(RoleName="persist-role")["Tags"]
result["getRoleTags"] = iam.get_role(RoleName="persist-role")["Role"].get("Tags")
iam.create_instance_profile(InstanceProfileName="persist-profile")
iam.add_role_to_instance_profile(InstanceProfileName="persist-profile", RoleName="persist-role")
arn = iam.create_policy(PolicyName="persist-policy", PolicyDocument=doc)["Policy"]["Arn"]
iam.create_policy_version(PolicyArn=arn, PolicyDocument=doc, SetAsDefault=True)
iam.attach_role_policy(RoleName="persist-role", PolicyArn=arn)
result["roleInProfile"] = error(lambda: iam.delete_role(RoleName="persist-role"))
result["profileWithRole"] = error(lambda: iam.delete_instance_profile(InstanceProfileName="persist-profile"))
result["policyAttached"] = error(lambda: iam.delete_policy(PolicyArn=arn))
iam.remove_role_from_instance_profile(InstanceProfileName="persist-profile", RoleName="persist-role")
iam.delete_instance_profile(InstanceProfileName="persist-profile")
result["roleWithPolicy"] = error(lambda: iam.delete_role(RoleName="persist-role"))
iam.detach_role_policy(RoleName="persist-role", PolicyArn=arn)
result["policyWithVersions"] = error(lambda: iam.delete_policy(PolicyArn=arn))
iam.delete_policy_version(PolicyArn=arn, VersionId="v1")
result["policyDeleted"] = error(lambda: iam.delete_policy(PolicyArn=arn))
result["roleDeleted"] = error(lambda: iam.delete_role(RoleName="persist-role"))

s3.create_bucket(Bucket="persist-staging")
result["noTagSet"] = error(lambda: s3.get_bucket_tagging(Bucket="persist-staging"))
s3.put_bucket_tagging(Bucket="persist-staging", Tagging={"TagSet": [{"Key": "app", "Value": "pay"}]})
result["bucketTags"] = s3.get_bucket_tagging(Bucket="persist-staging")["TagSet"]
result["duplicateTag"] = error(lambda: s3.put_bucket_tagging(Bucket="persist-staging", Tagging={"TagSet": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]}))
s3.put_object(Bucket="persist-staging", Key="loot.csv", Body=b"x")
result["bucketNotEmpty"] = error(lambda: s3.delete_bucket(Bucket="persist-staging"))
s3.delete_object(Bucket="persist-staging", Key="loot.csv")
s3.delete_bucket_tagging(Bucket="persist-staging")
result["tagsDeleted"] = error(lambda: s3.get_bucket_tagging(Bucket="persist-staging"))
result["bucketDeleted"] = error(lambda: s3.delete_bucket(Bucket="persist-staging"))

role = iam.create_role(RoleName="fn-role", AssumeRolePolicyDocument=lambda_trust)["Role"]["Arn"]
code = io.BytesIO()
with zipfile.ZipFile(code, "w") as z:
    z.writestr("index.py", "def handler(e, c):\n    return 1\n")
lam.create_function(FunctionName="persist-fn", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": code.getvalue()}, Tags={"app": "pay"})
result["functionTags"] = lam.get_function(FunctionName="persist-fn").get("Tags")
emit(result)
