"""Calls where the sandbox must match AWS that the responder's own client relies on; one run, one JSON result."""
from common import EXTRA, client, emit, error

result = {}


def s3_copy():
    """Restoring an overwritten object: copy its prior version onto itself."""
    s3 = client("s3")
    bucket, key = EXTRA["bucket"], "config/app.json"
    first = s3.put_object(Bucket=bucket, Key=key, Body=b'{"v":1}', ContentType="application/json")
    s3.put_object(Bucket=bucket, Key=key, Body=b'{"v":"evil"}')
    copied = s3.copy_object(Bucket=bucket, Key=key, CopySource={"Bucket": bucket, "Key": key, "VersionId": first["VersionId"]})
    current = s3.get_object(Bucket=bucket, Key=key)
    plain = s3.copy_object(Bucket=bucket, Key="config/app copy+1.json", CopySource=f"{bucket}/{key}")
    result["s3Copy"] = {
        "etag": copied["CopyObjectResult"]["ETag"],
        "firstEtag": first["ETag"],
        "hasLastModified": "LastModified" in copied["CopyObjectResult"],
        "versionId": copied.get("VersionId"),
        "copySourceVersionId": copied.get("CopySourceVersionId"),
        "firstVersionId": first["VersionId"],
        "restored": current["Body"].read().decode(),
        "restoredVersionId": current.get("VersionId"),
        "restoredContentType": current.get("ContentType"),
        "plainCopy": s3.get_object(Bucket=bucket, Key="config/app copy+1.json")["Body"].read().decode(),
        "plainEtag": plain["CopyObjectResult"]["ETag"],
        "noSuchKey": error(lambda: s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": "missing"})),
        "noSuchVersion": error(lambda: s3.copy_object(Bucket=bucket, Key="x", CopySource={"Bucket": bucket, "Key": key, "VersionId": "0" * 32})),
        "toItself": error(lambda: s3.copy_object(Bucket=bucket, Key=key, CopySource={"Bucket": bucket, "Key": key})),
    }


s3_copy()
emit(result)
