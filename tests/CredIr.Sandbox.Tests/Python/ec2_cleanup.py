"""Deleting an actor's security group and key pairs through boto3: DependencyViolation while an instance uses the group, then in order."""
from common import client, emit, error

ec2 = client("ec2")
result = {}

group = ec2.create_security_group(GroupName="actor-sg", Description="actor")["GroupId"]
created = ec2.create_key_pair(KeyName="actor-key")
result["createdKey"] = {k: created.get(k) for k in ("KeyName", "KeyPairId", "KeyFingerprint")}
result["keyMaterialHead"] = created["KeyMaterial"].splitlines()[0]
result["duplicateKey"] = error(lambda: ec2.create_key_pair(KeyName="actor-key"))
imported = ec2.import_key_pair(KeyName="actor-imported", PublicKeyMaterial=b"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f actor@example")
result["importedKey"] = {k: imported.get(k) for k in ("KeyName", "KeyPairId", "KeyFingerprint")}
result["badImport"] = error(lambda: ec2.import_key_pair(KeyName="actor-bad", PublicKeyMaterial=b"not a key"))
instance = ec2.run_instances(ImageId="ami-0abc", InstanceType="t3.micro", MinCount=1, MaxCount=1, KeyName="actor-key", SecurityGroupIds=[group])["Instances"][0]["InstanceId"]
result["instanceGroups"] = [g["GroupId"] for g in ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["SecurityGroups"]]
result["unknownGroupAtLaunch"] = error(lambda: ec2.run_instances(ImageId="ami-0abc", InstanceType="t3.micro", MinCount=1, MaxCount=1, SecurityGroupIds=["sg-0000000000000000f"]))
result["groupInUse"] = error(lambda: ec2.delete_security_group(GroupId=group))
result["keysBefore"] = sorted(k["KeyName"] for k in ec2.describe_key_pairs()["KeyPairs"])
result["publicKey"] = ec2.describe_key_pairs(KeyNames=["actor-imported"], IncludePublicKey=True)["KeyPairs"][0].get("PublicKey")
ec2.terminate_instances(InstanceIds=[instance])
result["groupDeleted"] = error(lambda: ec2.delete_security_group(GroupId=group))
result["groupGone"] = error(lambda: ec2.delete_security_group(GroupId=group))
result["keyDeleted"] = error(lambda: ec2.delete_key_pair(KeyName="actor-key"))
result["importedDeleted"] = error(lambda: ec2.delete_key_pair(KeyName="actor-imported"))
result["missingKeyDeleted"] = error(lambda: ec2.delete_key_pair(KeyName="actor-key"))
result["keyGone"] = error(lambda: ec2.describe_key_pairs(KeyNames=["actor-key"]))
result["keysAfter"] = [k["KeyName"] for k in ec2.describe_key_pairs()["KeyPairs"]]
emit(result)
