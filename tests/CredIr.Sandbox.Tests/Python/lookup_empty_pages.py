"""Make N calls with a fresh key, then page LookupEvents for that key with boto3's own paginator while the sandbox answers some pages empty."""
from common import EXTRA, client, emit

iam = client("iam")
iam.create_user(UserName="pager")
key = iam.create_access_key(UserName="pager")["AccessKey"]
sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
for _ in range(EXTRA["count"]):
    sts.get_caller_identity()

paginator = client("cloudtrail").get_paginator("lookup_events")
pages, events = [], []
for page in paginator.paginate(
        LookupAttributes=[{"AttributeKey": "AccessKeyId", "AttributeValue": key["AccessKeyId"]}],
        PaginationConfig={"PageSize": EXTRA["pageSize"]}):
    pages.append(len(page["Events"]))
    events.extend(page["Events"])

emit({"pages": pages, "eventIds": [e["EventId"] for e in events]})
