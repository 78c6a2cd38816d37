"""A versioned bucket after the actor's DeleteObject: the delete marker hides the key, the old version is still there."""
from common import EXTRA, client, emit, error

s3 = client("s3")
bucket, key = EXTRA["bucket"], EXTRA["key"]
versions = s3.list_object_versions(Bucket=bucket, Prefix=key)
original = [v for v in versions.get("Versions", []) if v["Key"] == key]
current = error(lambda: s3.get_object(Bucket=bucket, Key=key))
latest_markers = [m["IsLatest"] for m in versions.get("DeleteMarkers", []) if m["Key"] == key]
markers = [m for m in versions.get("DeleteMarkers", []) if m["Key"] == key]
s3.delete_object(Bucket=bucket, Key=key, VersionId=markers[0]["VersionId"])
undeleted = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
emit({
    "undeleted": undeleted,
    "versioning": s3.get_bucket_versioning(Bucket=bucket).get("Status"),
    "current": current,
    "deleteMarkers": latest_markers,
    "restored": s3.get_object(Bucket=bucket, Key=key, VersionId=original[0]["VersionId"])["Body"].read().decode(),
})
