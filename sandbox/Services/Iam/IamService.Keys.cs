using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Iam;

internal sealed partial class IamService
{
    private void AddKeyOperations()
    {
        _operations["CreateAccessKey"] = CreateAccessKey;
        _operations["ListAccessKeys"] = ListAccessKeys;
        _operations["UpdateAccessKey"] = UpdateAccessKey;
        _operations["DeleteAccessKey"] = DeleteAccessKey;
        _operations["GetAccessKeyLastUsed"] = GetAccessKeyLastUsed;
    }

    private static ServiceResult CreateAccessKey(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize("iam:CreateAccessKey", UserArn(call, name));
        lock (call.State.Gate)
        {
            var key = IamStore.AddKey(call.State, call.Account, User(call.Account, name));
            // The secret goes to the caller only; CloudTrail never holds it.
            call.ResponseElements = new JsonObject
            {
                ["accessKey"] = new JsonObject
                {
                    ["userName"] = name, ["accessKeyId"] = key.Id, ["status"] = key.Status, ["createDate"] = IamXml.TrailDate(key.Created),
                },
            };
            call.Resources.Add(("AWS::IAM::User", name));
            call.Resources.Add(("AWS::IAM::AccessKey", key.Id));
            return ServiceResult.Of(E("AccessKey",
                E("UserName", name), E("AccessKeyId", key.Id), E("Status", key.Status), E("SecretAccessKey", key.Secret), E("CreateDate", key.Created)));
        }
    }

    private static ServiceResult ListAccessKeys(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        call.Authorize("iam:ListAccessKeys", UserArn(call, name));
        lock (call.State.Gate)
        {
            var keys = User(call.Account, name).AccessKeys.Where(k => !k.Deleted).ToList();
            return Page(call, "AccessKeyMetadata", keys, IamXml.KeyMeta);
        }
    }

    private static ServiceResult UpdateAccessKey(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        var keyId = call.Form.Required("AccessKeyId");
        var status = call.Form.Required("Status");
        if (status is not ("Active" or "Inactive"))
        {
            throw IamErrors.Invalid($"1 validation error detected: Value '{status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        }

        call.Authorize("iam:UpdateAccessKey", UserArn(call, name));
        lock (call.State.Gate)
        {
            var key = User(call.Account, name).AccessKeys.FirstOrDefault(k => k.Id == keyId && !k.Deleted)
                ?? throw new AwsServiceException("NoSuchEntity", $"The Access Key with id {keyId} cannot be found.", 404);
            var active = status == "Active";
            if (key.Active && !active)
            {
                key.DeactivatedAt = call.State.Clock.GetUtcNow();
            }

            key.Active = active;
            call.Resources.Add(("AWS::IAM::AccessKey", keyId));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult DeleteAccessKey(SandboxCall call)
    {
        var name = SelfOr(call, call.Form.Get("UserName"));
        var keyId = call.Form.Required("AccessKeyId");
        call.Authorize("iam:DeleteAccessKey", UserArn(call, name));
        lock (call.State.Gate)
        {
            var key = User(call.Account, name).AccessKeys.FirstOrDefault(k => k.Id == keyId && !k.Deleted)
                ?? throw new AwsServiceException("NoSuchEntity", $"The Access Key with id {keyId} cannot be found.", 404);
            key.Deleted = true;
            call.Resources.Add(("AWS::IAM::AccessKey", keyId));
            return ServiceResult.Empty;
        }
    }

    private static ServiceResult GetAccessKeyLastUsed(SandboxCall call)
    {
        var keyId = call.Form.Required("AccessKeyId");
        lock (call.State.Gate)
        {
            var held = call.State.Keys.GetValueOrDefault(keyId);
            if (held.Key is null || held.Account != call.Account || held.Key.Deleted)
            {
                throw new AwsServiceException("AccessDenied", $"User: {call.Caller.Arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key {keyId}", 403);
            }

            var key = held.Key;
            call.Authorize("iam:GetAccessKeyLastUsed", UserArn(call, key.UserName));
            return ServiceResult.Of(E("UserName", key.UserName), E("AccessKeyLastUsed",
                key.LastUsed is { } at ? E("LastUsedDate", at) : null,
                E("ServiceName", key.LastUsedService ?? "N/A"),
                E("Region", key.LastUsedRegion ?? "N/A")));
        }
    }
}
