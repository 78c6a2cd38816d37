"""The sandbox calls recovery makes, through boto3: botocore's models must parse every answer.

Reads {"endpoint", "accessKeyId", "secretAccessKey"} from SANDBOX_INPUT and prints one JSON object.
"""
import json
import os

import boto3
import botocore.exceptions

given = json.loads(os.environ["SANDBOX_INPUT"])
session = boto3.session.Session(
    aws_access_key_id=given["accessKeyId"], aws_secret_access_key=given["secretAccessKey"], region_name="us-west-2")
iam = session.client("iam", endpoint_url=given["endpoint"])
ec2 = session.client("ec2", endpoint_url=given["endpoint"])
boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess"
out = {}


def error(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


iam.create_user(UserName="restored", Tags=[{"Key": "team", "Value": "a"}], PermissionsBoundary=boundary)
iam.tag_user(UserName="restored", Tags=[{"Key": "Team", "Value": "b"}, {"Key": "tier", "Value": ""}])
user = iam.get_user(UserName="restored")["User"]
out["userTags"] = user.get("Tags", [])
out["userBoundary"] = user.get("PermissionsBoundary")
out["listedUserTags"] = iam.list_user_tags(UserName="restored")["Tags"]
iam.untag_user(UserName="restored", TagKeys=["tier"])
iam.delete_user_permissions_boundary(UserName="restored")
out["userBoundaryAfterDelete"] = iam.get_user(UserName="restored")["User"].get("PermissionsBoundary")
out["missingBoundaryPolicy"] = error(lambda: iam.put_user_permissions_boundary(
    UserName="restored", PermissionsBoundary="arn:aws:iam::111111111111:policy/none"))
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
iam.create_role(RoleName="restored", AssumeRolePolicyDocument=json.dumps(trust))
iam.tag_role(RoleName="restored", Tags=[{"Key": "owner", "Value": "ops"}])
iam.put_role_permissions_boundary(RoleName="restored", PermissionsBoundary=boundary)
role = iam.get_role(RoleName="restored")["Role"]
out["roleTags"] = iam.list_role_tags(RoleName="restored")["Tags"]
out["roleBoundary"] = role.get("PermissionsBoundary")

instance = ec2.run_instances(ImageId="ami-0abcdef1234567890", InstanceType="t3.micro", MinCount=1, MaxCount=1)["Instances"][0]
instance_id = instance["InstanceId"]
group = ec2.create_security_group(GroupName="isolation", Description="no traffic",
                                  TagSpecifications=[{"ResourceType": "security-group", "Tags": [{"Key": "k", "Value": "v"}]}])
out["newGroupEgress"] = ec2.describe_security_groups(GroupIds=[group["GroupId"]])["SecurityGroups"][0]["IpPermissionsEgress"]
out["revoke"] = ec2.revoke_security_group_egress(
    GroupId=group["GroupId"], IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])["Return"]
out["revokeAgain"] = error(lambda: ec2.revoke_security_group_egress(
    GroupId=group["GroupId"], IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]))
out["duplicateGroup"] = error(lambda: ec2.create_security_group(GroupName="isolation", Description="again"))
found = ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": ["isolation"]}])["SecurityGroups"]
out["foundGroup"] = {"id": found[0]["GroupId"], "egress": found[0]["IpPermissionsEgress"], "tags": found[0].get("Tags", [])}
ec2.modify_instance_attribute(InstanceId=instance_id, Groups=[group["GroupId"]])
ec2.modify_instance_attribute(InstanceId=instance_id, DisableApiTermination={"Value": True})
out["groupSet"] = ec2.describe_instance_attribute(InstanceId=instance_id, Attribute="groupSet")["Groups"]
out["protection"] = ec2.describe_instance_attribute(InstanceId=instance_id, Attribute="disableApiTermination")["DisableApiTermination"]
described = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]
out["instanceGroups"] = described["SecurityGroups"]
volume = described["BlockDeviceMappings"][0]["Ebs"]["VolumeId"]
out["terminateProtected"] = error(lambda: ec2.terminate_instances(InstanceIds=[instance_id]))
snapshot = ec2.create_snapshot(VolumeId=volume, Description="forensics",
                               TagSpecifications=[{"ResourceType": "snapshot", "Tags": [{"Key": "case", "Value": "42"}]}])
out["snapshot"] = {"volumeId": snapshot["VolumeId"], "state": snapshot["State"], "volumeSize": snapshot["VolumeSize"], "tags": snapshot.get("Tags", [])}
out["snapshotsByTag"] = [s["SnapshotId"] for s in ec2.describe_snapshots(Filters=[{"Name": "tag:case", "Values": ["42"]}])["Snapshots"]]
out["snapshotId"] = snapshot["SnapshotId"]
out["unknownVolume"] = error(lambda: ec2.create_snapshot(VolumeId="vol-0000000000000000"))
print(json.dumps(out, default=str, separators=(",", ":")))
