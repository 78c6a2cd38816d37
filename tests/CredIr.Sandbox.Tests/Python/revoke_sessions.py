"""Phase 1 takes two sessions; phase 2 revokes older sessions (AWSRevokeOlderSessions) and tries them and a new one."""
import json

from common import EXTRA, client, emit, error


def assume(key, secret, duration):
    sts = client("sts", key, secret)
    c = sts.assume_role(RoleArn=EXTRA["roleArn"], RoleSessionName="s%d" % duration, DurationSeconds=duration)["Credentials"]
    return {"accessKeyId": c["AccessKeyId"], "secretAccessKey": c["SecretAccessKey"], "sessionToken": c["SessionToken"]}


def act(session):
    return client("iam", session["accessKeyId"], session["secretAccessKey"], session["sessionToken"]).list_users()


mgmt = EXTRA["management"]
if EXTRA["phase"] == 1:
    emit({"older": assume(mgmt["accessKeyId"], mgmt["secretAccessKey"], 3600),
          "short": assume(mgmt["accessKeyId"], mgmt["secretAccessKey"], 900)})
else:
    older, short = EXTRA["older"], EXTRA["short"]
    before = error(lambda: act(older))
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["*"], "Resource": ["*"],
              "Condition": {"DateLessThan": {"aws:TokenIssueTime": EXTRA["revokeBefore"]}}}]}
    client("iam").put_role_policy(RoleName=EXTRA["roleName"], PolicyName="AWSRevokeOlderSessions", PolicyDocument=json.dumps(policy))
    newer = assume(mgmt["accessKeyId"], mgmt["secretAccessKey"], 3600)
    emit({
        "olderBeforeRevoke": before,
        "olderAfterRevoke": error(lambda: act(older)),
        "expired": error(lambda: act(short)),
        "newer": error(lambda: act(newer)),
    })
