"""An organization in aws-us-gov, driven by boto3 as a GovCloud responder drives AWS."""
from common import EXTRA, client, emit, error

HOME = "us-gov-west-1"
sts = client("sts", region=HOME)
iam = client("iam", region=HOME)
created = iam.create_user(UserName="probe")["User"]
assumed = sts.assume_role(RoleArn=EXTRA["roleArn"], RoleSessionName="responder", DurationSeconds=900)
events = client("cloudtrail", region=HOME).lookup_events(
    LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "CreateUser"}])["Events"]
emit({
    "identity": sts.get_caller_identity()["Arn"],
    "user": created["Arn"],
    "assumed": assumed["AssumedRoleUser"]["Arn"],
    "createUserEvents": [e["CloudTrailEvent"] for e in events],
    "regions": sorted(r["RegionName"] for r in client("ec2", region=HOME).describe_regions()["Regions"]),
    "commercialRegion": error(lambda: client("sts", region="us-east-1").get_caller_identity()),
})
