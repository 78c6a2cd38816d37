"""Shared set-up for the sandbox's boto3 scripts: clients on the sandbox endpoint, retries off."""
import json
import os
import sys

import boto3
import botocore
from botocore.config import Config

INPUT = json.loads(os.environ["SANDBOX_INPUT"])
EXTRA = INPUT.get("extra") or {}
CONFIG = Config(retries={"total_max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"})


def client(service, key=None, secret=None, token=None, region="us-east-1"):
    """A boto3 client for the sandbox; the input's credentials unless others are given."""
    return boto3.client(
        service,
        endpoint_url=INPUT["endpoint"],
        region_name=region,
        aws_access_key_id=key or INPUT["accessKeyId"],
        aws_secret_access_key=secret or INPUT["secretAccessKey"],
        aws_session_token=token if key else INPUT.get("sessionToken"),
        config=CONFIG,
    )


def error(call):
    """Runs call; returns {"code", "message", "status"} of the ClientError botocore parsed, or None on success."""
    try:
        call()
        return None
    except botocore.exceptions.ClientError as e:
        return {
            "code": e.response["Error"].get("Code"),
            "message": e.response["Error"].get("Message"),
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
        }


def emit(result):
    json.dump(result, sys.stdout, default=str)
