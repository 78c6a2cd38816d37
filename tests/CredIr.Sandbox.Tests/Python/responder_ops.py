"""Operations a responder's tools call during containment and eradication, parsed by botocore."""
from common import EXTRA, client, emit

prod = EXTRA["prod"]
mgmt = EXTRA["management"]
prod_iam = client("iam", prod["accessKeyId"], prod["secretAccessKey"])
entities = prod_iam.list_entities_for_policy(PolicyArn=EXTRA["policyArn"])
associations = client("ec2", prod["accessKeyId"], prod["secretAccessKey"], region="us-west-2").describe_iam_instance_profile_associations()
mgmt_iam = client("iam", mgmt["accessKeyId"], mgmt["secretAccessKey"])
before = [d["SerialNumber"] for d in mgmt_iam.list_mfa_devices(UserName="carol")["MFADevices"]]
for serial in before:
    mgmt_iam.deactivate_mfa_device(UserName="carol", SerialNumber=serial)
emit({
    "policyRoles": [r["RoleName"] for r in entities["PolicyRoles"]],
    "policyUsers": [u["UserName"] for u in entities["PolicyUsers"]],
    "associations": [{"instance": a["InstanceId"], "profile": a["IamInstanceProfile"]["Arn"], "state": a["State"]}
                     for a in associations["IamInstanceProfileAssociations"]],
    "mfaBefore": before,
    "mfaAfter": [d["SerialNumber"] for d in mgmt_iam.list_mfa_devices(UserName="carol")["MFADevices"]],
})
