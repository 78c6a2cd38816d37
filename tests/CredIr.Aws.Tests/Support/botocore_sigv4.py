# Recomputes a SigV4 signature with botocore (an independent implementation) for a request
# signed by CredIr.Aws, reading JSON on stdin and printing the signature botocore computes.
import base64, json, sys
from botocore.auth import SigV4Auth, S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

spec = json.load(sys.stdin)
headers = {k: v for k, v in spec["headers"].items() if k.lower() != "authorization"}
request = AWSRequest(method=spec["method"], url=spec["url"], data=base64.b64decode(spec["body"]), headers=headers)
auth_type = S3SigV4Auth if spec["service"] == "s3" else SigV4Auth
auth = auth_type(Credentials(spec["accessKey"], spec["secretKey"], spec.get("token")), spec["service"], spec["region"])
request.context["timestamp"] = spec["amzDate"]
canonical = auth.canonical_request(request)
print(auth.signature(auth.string_to_sign(request, canonical), request))
