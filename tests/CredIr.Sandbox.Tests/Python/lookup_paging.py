"""Make N calls with a fresh key, then page LookupEvents for that key; also the documented refusals."""
import datetime

from common import EXTRA, client, emit, error

iam = client("iam")
iam.create_user(UserName="pager")
key = iam.create_access_key(UserName="pager")["AccessKey"]
sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
for _ in range(EXTRA["count"]):
    sts.get_caller_identity()

trail = client("cloudtrail")
attributes = [{"AttributeKey": "AccessKeyId", "AttributeValue": key["AccessKeyId"]}]
pages, events, token = [], [], None
while True:
    kwargs = {"LookupAttributes": attributes, "MaxResults": EXTRA["pageSize"]}
    if token:
        kwargs["NextToken"] = token
    page = trail.lookup_events(**kwargs)
    pages.append(len(page["Events"]))
    events.extend(page["Events"])
    token = page.get("NextToken")
    if token and len(pages) == 1:
        first_token = token
    if not token:
        break

now = datetime.datetime.now(datetime.timezone.utc)
emit({
    "pages": pages,
    "eventIds": [e["EventId"] for e in events],
    "times": [e["EventTime"].isoformat() for e in events],
    "names": sorted(set(e["EventName"] for e in events)),
    "usernames": sorted(set(e["Username"] for e in events)),
    "tampered": error(lambda: trail.lookup_events(LookupAttributes=attributes, MaxResults=EXTRA["pageSize"], NextToken=first_token[:-4] + "AAAA")),
    "otherQueryToken": error(lambda: trail.lookup_events(MaxResults=EXTRA["pageSize"], NextToken=first_token)),
    "twoAttributes": error(lambda: trail.lookup_events(LookupAttributes=attributes + [{"AttributeKey": "EventName", "AttributeValue": "GetCallerIdentity"}])),
    "badKey": error(lambda: trail.lookup_events(LookupAttributes=[{"AttributeKey": "Colour", "AttributeValue": "red"}])),
    "maxResults51": error(lambda: trail.lookup_events(MaxResults=51)),
    "badRange": error(lambda: trail.lookup_events(StartTime=now, EndTime=now - datetime.timedelta(hours=1))),
})
