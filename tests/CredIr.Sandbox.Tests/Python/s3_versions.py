"""A versioned bucket after the actor's DeleteObject: the delete marker hides the key, the old version is still there."""
from common import EXTRA, client, emit, error

s3 = client("s3")
bucket, key = EXTRA["bucket"], EXTRA["key"]
versions = s3.list_object_versions(Bucket=bucket, Prefix=key)
original = [v for v in versions.get("Versions", []) if v["Key"] == key]
emit({
    "versioning": s3.get_bucket_versioning(Bucket=bucket).get("Status"),
    "current": error(lambda: s3.get_object(Bucket=bucket, Key=key)),
    "deleteMarkers": [m["IsLatest"] for m in versions.get("DeleteMarkers", []) if m["Key"] == key],
    "restored": s3.get_object(Bucket=bucket, Key=key, VersionId=original[0]["VersionId"])["Body"].read().decode(),
})
