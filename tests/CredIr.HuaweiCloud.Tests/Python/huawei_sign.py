"""An independent SDK-HMAC-SHA256 signer in Python's standard library: signs one request to the sandbox
and prints {"status": ..., "body": ...}. Input (env HUAWEI_INPUT, JSON): url, method, ak, sk, body (or null)."""
import binascii
import datetime
import hashlib
import hmac
import json
import os
import urllib.error
import urllib.parse
import urllib.request


def quote(s):
    return urllib.parse.quote(s, safe="~")


def canonical_request(method, url, headers, body):
    parts = urllib.parse.urlsplit(url)
    path = "/".join(quote(urllib.parse.unquote(seg)) for seg in parts.path.split("/"))
    if not path.endswith("/"):
        path += "/"
    query = sorted((quote(urllib.parse.unquote(k)), quote(urllib.parse.unquote(v)))
                   for k, v in (p.split("=", 1) if "=" in p else (p, "") for p in parts.query.split("&") if p))
    signed = sorted(headers)
    lines = "".join("%s:%s\n" % (k, headers[k].strip()) for k in signed)
    return "\n".join([method.upper(), path, "&".join("%s=%s" % kv for kv in query), lines, ";".join(signed),
                      hashlib.sha256(body).hexdigest()]), signed


def main():
    spec = json.loads(os.environ["HUAWEI_INPUT"])
    body = b"" if spec.get("body") is None else json.dumps(spec["body"]).encode("utf-8")
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    host = urllib.parse.urlsplit(spec["url"]).netloc
    headers = {"host": host, "x-sdk-date": date}
    if body:
        headers["content-type"] = "application/json"
    canonical, signed = canonical_request(spec["method"], spec["url"], headers, body)
    to_sign = "SDK-HMAC-SHA256\n%s\n%s" % (date, hashlib.sha256(canonical.encode("utf-8")).hexdigest())
    signature = binascii.hexlify(hmac.new(spec["sk"].encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha256).digest()).decode()
    request = urllib.request.Request(spec["url"], data=body or None, method=spec["method"])
    for name, value in headers.items():
        if name != "host":
            request.add_header(name, value)
    request.add_header("Authorization", "SDK-HMAC-SHA256 Access=%s, SignedHeaders=%s, Signature=%s" % (spec["ak"], ";".join(signed), signature))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, text = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8")
    print(json.dumps({"status": status, "body": json.loads(text) if text else None}))


main()
