using System.Text.Json.Nodes;
using System.Xml.Linq;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Ec2;

/// <summary>EC2 over its own query dialect: regions and instances (with instance profiles, whose roles get credentials).</summary>
internal sealed class Ec2Service : ISandboxService
{
    private static readonly HashSet<string> Operations = ["DescribeRegions", "RunInstances", "DescribeInstances", "TerminateInstances", "DescribeIamInstanceProfileAssociations", "CreateTags", "DeleteTags", "DescribeTags"];

    public string? Resolve(RequestLine line) =>
        line.Action is { } a && (Operations.Contains(a) || Ec2Isolation.Operations.Contains(a) || Ec2KeyPairs.Operations.Contains(a) || a == Ec2SecurityGroupDeletion.Operation) ? a : null;

    public ServiceModel Descriptor => ServiceModel.Ec2;

    public ServiceResult Handle(SandboxCall call) => call.Operation switch
    {
        "DescribeRegions" => DescribeRegions(call),
        "RunInstances" => RunInstances(call),
        "DescribeInstances" => DescribeInstances(call),
        "DescribeIamInstanceProfileAssociations" => DescribeProfileAssociations(call),
        "CreateTags" => Ec2Tags.CreateTags(call),
        "DeleteTags" => Ec2Tags.DeleteTags(call),
        "DescribeTags" => Ec2Tags.DescribeTags(call),
        _ when Ec2Isolation.Operations.Contains(call.Operation) => Ec2Isolation.Handle(call),
        _ when Ec2KeyPairs.Operations.Contains(call.Operation) => Ec2KeyPairs.Handle(call),
        Ec2SecurityGroupDeletion.Operation => Ec2SecurityGroupDeletion.Delete(call),
        _ => TerminateInstances(call),
    };

    private static ServiceResult DescribeRegions(SandboxCall call)
    {
        call.Authorize("ec2:DescribeRegions", "*");
        var wanted = call.Form.List("RegionName");
        var regions = call.State.Regions.Where(r => wanted.Count == 0 || wanted.Contains(r));
        return ServiceResult.Of(Items("regionInfo", regions.Select(r => (object)new[]
        {
            E("regionName", r), E("regionEndpoint", $"ec2.{r}.amazonaws.com"), E("optInStatus", "opt-in-not-required"),
        })));
    }

    private static ServiceResult RunInstances(SandboxCall call)
    {
        var imageId = call.Form.Required("ImageId");
        var type = call.Form.Get("InstanceType") ?? "m1.small";
        var count = Math.Max(1, call.Form.Int("MinCount") ?? 1);
        call.Authorize("ec2:RunInstances", call.Arn("ec2", "instance/*"));
        var tags = Ec2Tags.InstanceTagSpecifications(call.Form);
        Ec2Tags.RecordTagSpecifications(call);
        if (tags.Count > 0)
        {
            // Tagging at launch needs ec2:CreateTags as well, as AWS checks it.
            call.Authorize("ec2:CreateTags", call.Arn("ec2", "instance/*"));
        }
        var groups = call.Form.List("SecurityGroupId");
        InstanceProfile? profile = null;
        IamRole? role = null;
        var profileName = call.Form.Get("IamInstanceProfile.Name") ?? call.Form.Get("IamInstanceProfile.Arn")?.Split('/')[^1];
        if (profileName is not null)
        {
            lock (call.State.Gate)
            {
                profile = call.Account.InstanceProfiles.GetValueOrDefault(profileName)
                    ?? throw new AwsServiceException("InvalidParameterValue", $"Value ({profileName}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name", 400);
                role = profile.RoleNames.Count > 0 ? call.Account.Roles.GetValueOrDefault(profile.RoleNames[0]) : null;
            }

            if (role is not null)
            {
                // Launching with a profile passes its role: the caller needs iam:PassRole on it.
                call.Authorize("iam:PassRole", role.Arn);
                call.AdditionalEventData = new JsonObject { ["passedRoleArn"] = role.Arn };
            }
        }

        lock (call.State.Gate)
        {
            if (groups.FirstOrDefault(g => !call.Account.SecurityGroups.TryGetValue(g, out var group) || group.Region != call.Region) is { } unknown)
            {
                throw new AwsServiceException("InvalidGroup.NotFound", $"The security group '{unknown}' does not exist", 400);
            }
        }

        var reservation = "r-" + call.State.Ids.Hex(17);
        var launched = new List<Ec2Instance>();
        lock (call.State.Gate)
        {
            for (var i = 0; i < count; i++)
            {
                var id = "i-" + call.State.Ids.Hex(17);
                var session = role is null ? null : InstanceSession(call, role, id);
                var instance = new Ec2Instance(id, call.Region, imageId, type, call.Time)
                {
                    InstanceProfileArn = profile?.Arn,
                    InstanceProfileId = profile?.Id,
                    RoleSession = session,
                    KeyName = call.Form.Get("KeyName"),
                };
                foreach (var (key, value) in tags)
                {
                    instance.Tags[key] = value;
                }

                instance.SecurityGroupIds.AddRange(groups);
                call.Account.Instances[id] = instance;
                launched.Add(instance);
                call.Resources.Add(("AWS::EC2::Instance", id));
            }
        }

        call.ResponseElements = new JsonObject
        {
            ["requestId"] = call.RequestId,
            ["reservationId"] = reservation,
            ["ownerId"] = call.Account.Id,
            ["instancesSet"] = new JsonObject
            {
                ["items"] = new JsonArray(launched.Select(i => (JsonNode)new JsonObject
                {
                    ["instanceId"] = i.Id, ["imageId"] = i.ImageId, ["instanceType"] = i.InstanceType,
                    ["instanceState"] = new JsonObject { ["code"] = 0, ["name"] = "pending" },
                    ["iamInstanceProfile"] = i.InstanceProfileArn is null ? null : new JsonObject { ["arn"] = i.InstanceProfileArn, ["id"] = i.InstanceProfileId },
                    ["tagSet"] = i.Tags.Count == 0 ? null : new JsonObject
                    {
                        ["items"] = new JsonArray(i.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
                    },
                }).ToArray()),
            },
        };
        return ServiceResult.Of(E("reservationId", reservation), E("ownerId", call.Account.Id), Items("groupSet", []),
            Items("instancesSet", launched.Select(i => (object)Instance(i, "pending", 0, call.Account).Elements())));
    }

    private static StsSession InstanceSession(SandboxCall call, IamRole role, string instanceId)
    {
        var session = new StsSession
        {
            AccessKeyId = call.State.Ids.AccessKeyId("ASIA"),
            Secret = call.State.Ids.Secret(),
            Token = call.State.Ids.SessionToken(),
            Kind = SessionKind.AssumedRole,
            AccountId = call.Account.Id,
            Issued = call.Time,
            Expiration = call.Time.AddHours(6),
            IssuerName = role.Name,
            SessionName = instanceId,
        };
        call.State.Sessions[session.AccessKeyId] = session;
        return session;
    }

    private static ServiceResult DescribeInstances(SandboxCall call) => Ec2InstanceQuery.Describe(call);

    private static ServiceResult DescribeProfileAssociations(SandboxCall call)
    {
        call.Authorize("ec2:DescribeIamInstanceProfileAssociations", "*");
        var instanceIds = new List<string>();
        for (var i = 1; call.Form.Get($"Filter.{i}.Name") is { } filter; i++)
        {
            if (filter == "instance-id")
            {
                instanceIds.AddRange(call.Form.List($"Filter.{i}.Value"));
            }
        }

        lock (call.State.Gate)
        {
            var associated = call.Account.Instances.Values
                .Where(i => i.Region == call.Region && i.InstanceProfileArn is not null && i.State != "terminated" && (instanceIds.Count == 0 || instanceIds.Contains(i.Id)));
            return ServiceResult.Of(Items("iamInstanceProfileAssociationSet", associated.Select(i => (object)new[]
            {
                E("associationId", "iip-assoc-" + i.Id[2..]), E("instanceId", i.Id),
                E("iamInstanceProfile", E("arn", i.InstanceProfileArn), E("id", i.InstanceProfileId)), E("state", "associated"),
            })));
        }
    }

    private static ServiceResult TerminateInstances(SandboxCall call)
    {
        var ids = call.Form.List("InstanceId");
        foreach (var id in ids)
        {
            call.Authorize("ec2:TerminateInstances", call.Arn("ec2", $"instance/{id}"));
        }

        lock (call.State.Gate)
        {
            var changes = new List<object>();
            foreach (var id in ids)
            {
                var instance = call.Account.Instances.GetValueOrDefault(id);
                if (instance is null || instance.Region != call.Region)
                {
                    throw new AwsServiceException("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist", 400);
                }

                if (instance.DisableApiTermination)
                {
                    throw new AwsServiceException("OperationNotPermitted", $"The instance '{id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.", 400);
                }

                var previous = instance.State;
                instance.State = "terminated";
                call.Resources.Add(("AWS::EC2::Instance", id));
                changes.Add(new[]
                {
                    E("instanceId", id), E("currentState", E("code", 32), E("name", "shutting-down")),
                    E("previousState", E("code", previous == "running" ? 16 : 48), E("name", previous)),
                });
            }

            return ServiceResult.Of(Items("instancesSet", changes));
        }
    }

    internal static XElement Instance(Ec2Instance i, string state, int code, Account account) => E("instance",
        E("instanceId", i.Id), E("imageId", i.ImageId), E("instanceState", E("code", code), E("name", state)),
        E("instanceType", i.InstanceType), E("launchTime", i.Launched),
        E("placement", E("availabilityZone", i.Region + "a")),
        i.KeyName is null ? null : E("keyName", i.KeyName),
        i.InstanceProfileArn is null ? null : E("iamInstanceProfile", E("arn", i.InstanceProfileArn), E("id", i.InstanceProfileId)),
        i.Tags.Count == 0 ? null : Items("tagSet", i.Tags.Select(t => (object)new[] { E("key", t.Key), E("value", t.Value) })),
        Ec2Isolation.InstanceElements(i, account));
}
