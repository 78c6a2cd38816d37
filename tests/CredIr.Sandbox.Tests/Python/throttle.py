"""LookupEvents as fast as possible with retries off: the limit is per account and region."""
from common import EXTRA, client, emit, error

east = client("cloudtrail")
outcomes = []
for _ in range(EXTRA["calls"]):
    failure = error(lambda: east.lookup_events(MaxResults=1))
    outcomes.append(failure or {"code": "ok"})
west = error(lambda: client("cloudtrail", region="us-west-2").lookup_events(MaxResults=1))
emit({"outcomes": outcomes, "otherRegion": west or {"code": "ok"}})
