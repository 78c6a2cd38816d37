"""Each protocol's error shape as botocore parses it: codes, HTTP statuses, AccessDenied wording."""
from common import EXTRA, INPUT, client, emit, error

reader = EXTRA["reader"]


def as_reader(service, region="us-east-1"):
    return client(service, reader["accessKeyId"], reader["secretAccessKey"], region=region)


unknown = ("AKIAUNKNOWNKEY000000", "z" * 40)
s3 = client("s3")
s3.create_bucket(Bucket="errors-bucket")
emit({
    "iam": error(lambda: client("iam").get_user(UserName="nobody")),
    "iamDenied": error(lambda: as_reader("iam").create_user(UserName="mallory")),
    "iamMalformed": error(lambda: client("iam").put_user_policy(UserName=EXTRA["adminUser"], PolicyName="p", PolicyDocument="{not json")),
    "iamUnknownKey": error(lambda: client("iam", *unknown).list_users()),
    "stsUnknownKey": error(lambda: client("sts", *unknown).get_caller_identity()),
    "ec2": error(lambda: client("ec2").describe_instances(InstanceIds=["i-0123456789abcdef0"])),
    "ec2Denied": error(lambda: as_reader("ec2").run_instances(ImageId="ami-12345678", InstanceType="t3.micro", MinCount=1, MaxCount=1)),
    "ec2UnknownKey": error(lambda: client("ec2", *unknown).describe_regions()),
    "cloudtrail": error(lambda: client("cloudtrail").stop_logging(Name="no-such-trail")),
    "cloudtrailDenied": error(lambda: as_reader("cloudtrail").stop_logging(Name="management-events")),
    "cloudtrailUnknownKey": error(lambda: client("cloudtrail", *unknown).describe_trails()),
    "organizations5xx": error(lambda: client("organizations").list_accounts()),
    "lambda": error(lambda: client("lambda").get_function(FunctionName="missing")),
    "lambdaUnknownKey": error(lambda: client("lambda", *unknown).list_functions()),
    "guarddutyThrottled": error(lambda: client("guardduty").list_detectors()),
    "s3NoSuchBucket": error(lambda: s3.list_objects_v2(Bucket="no-such-bucket")),
    "s3NoSuchKey": error(lambda: s3.get_object(Bucket="errors-bucket", Key="missing.txt")),
    "s3Owned": error(lambda: s3.create_bucket(Bucket="errors-bucket")),
    "s3Denied": error(lambda: as_reader("s3").put_object(Bucket="errors-bucket", Key="x", Body=b"x")),
    "s3UnknownKey": error(lambda: client("s3", *unknown).list_buckets()),
    "s3BadSignature": error(lambda: client("s3", INPUT["accessKeyId"], "q" * 40).list_buckets()),
})
