"""A bucket in eu-west-1 used from clients of other regions: what S3 answers, and botocore following it as against AWS."""
import json
import urllib.error
import urllib.request

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from common import client, INPUT

bucket = INPUT["extra"]["bucket"]
eu = client("s3", region="eu-west-1")
eu.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
eu.put_object(Bucket=bucket, Key="AWSLogs/trail.json", Body=b"{}")

# The raw answer to a GetObject signed for us-east-1, as no SDK has followed it yet.
request = AWSRequest(method="GET", url=f"{INPUT['endpoint'].rstrip('/')}/{bucket}/AWSLogs/trail.json")
S3SigV4Auth(Credentials(INPUT["accessKeyId"], INPUT["secretAccessKey"], INPUT.get("sessionToken")), "s3", "us-east-1").add_auth(request)
prepared = request.prepare()
raw = {}
try:
    urllib.request.urlopen(urllib.request.Request(prepared.url, headers=dict(prepared.headers), method="GET"))
    raw["status"] = 200
except urllib.error.HTTPError as e:
    raw = {"status": e.code, "bucketRegion": e.headers.get("x-amz-bucket-region"), "body": e.read().decode()}

# botocore clients of other regions follow it: the object, the listing and the location read as from eu-west-1.
us = client("s3", region="us-east-1")
body = us.get_object(Bucket=bucket, Key="AWSLogs/trail.json")["Body"].read().decode()
listed = [o["Key"] for o in us.list_objects_v2(Bucket=bucket).get("Contents", [])]
location = client("s3", region="ap-southeast-1").get_bucket_location(Bucket=bucket)["LocationConstraint"]
print(json.dumps({"raw": raw, "body": body, "listed": listed, "location": location}))
