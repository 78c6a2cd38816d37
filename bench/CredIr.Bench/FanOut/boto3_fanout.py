"""The scan as playbook scripts write it: for each account, for each region, paginate lookup_events.

Reads its settings as JSON on stdin, stops after the account-region in which its time budget runs out,
and prints one JSON line: seconds, pages, events, accountRegions.
"""
import json
import sys
import time

import boto3
from botocore.config import Config


def main():
    settings = json.load(sys.stdin)
    endpoint = settings["endpoint"]
    management = boto3.session.Session(
        aws_access_key_id=settings["accessKeyId"],
        aws_secret_access_key=settings["secretAccessKey"],
        region_name="us-east-1",
    )
    # Retries as boto3's standard mode does them, with room for LookupEvents' 2 requests/s.
    config = Config(retries={"mode": "standard", "max_attempts": 10})
    sts = management.client("sts", endpoint_url=endpoint, config=config)
    start = time.monotonic()
    pages = events = units = 0
    for account in settings["accounts"]:
        if account == settings["managementAccount"]:
            session = management
        else:
            role = f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole"
            creds = sts.assume_role(RoleArn=role, RoleSessionName="ir-scan")["Credentials"]
            session = boto3.session.Session(
                aws_access_key_id=creds["AccessKeyId"],
                aws_secret_access_key=creds["SecretAccessKey"],
                aws_session_token=creds["SessionToken"],
            )
        for region in settings["regions"]:
            cloudtrail = session.client("cloudtrail", region_name=region, endpoint_url=endpoint, config=config)
            paginator = cloudtrail.get_paginator("lookup_events")
            for page in paginator.paginate(StartTime=settings["start"], EndTime=settings["end"]):
                pages += 1
                events += len(page["Events"])
            units += 1
            if time.monotonic() - start > settings["budgetSeconds"]:
                break
        else:
            continue
        break
    print(json.dumps({"seconds": time.monotonic() - start, "pages": pages, "events": events, "accountRegions": units}))


if __name__ == "__main__":
    main()
