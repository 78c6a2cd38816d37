using System.Globalization;
using System.Xml.Linq;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.Ec2;

/// <summary>
/// What taking an instance out of service for forensics needs: security groups (CreateSecurityGroup,
/// DescribeSecurityGroups, RevokeSecurityGroupEgress), the instance's groups and termination protection
/// (ModifyInstanceAttribute, DescribeInstanceAttribute) and snapshots of its volumes (CreateSnapshot,
/// DescribeSnapshots). Shapes and error codes follow the botocore ec2 model.
/// </summary>
internal static class Ec2Isolation
{
    public static readonly IReadOnlySet<string> Operations = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateSecurityGroup", "DescribeSecurityGroups", "RevokeSecurityGroupEgress",
        "ModifyInstanceAttribute", "DescribeInstanceAttribute", "CreateSnapshot", "DescribeSnapshots",
    };

    public static ServiceResult Handle(SandboxCall call) => call.Operation switch
    {
        "CreateSecurityGroup" => CreateSecurityGroup(call),
        "DescribeSecurityGroups" => DescribeSecurityGroups(call),
        "RevokeSecurityGroupEgress" => RevokeEgress(call),
        "ModifyInstanceAttribute" => ModifyInstanceAttribute(call),
        "DescribeInstanceAttribute" => DescribeInstanceAttribute(call),
        "CreateSnapshot" => CreateSnapshot(call),
        _ => DescribeSnapshots(call),
    };

    /// <summary>The default VPC of an account's region (the sandbox has one per region).</summary>
    public static string DefaultVpc(string accountId, string region) =>
        "vpc-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(accountId + "/" + region)))[..17];

    public static IEnumerable<XElement> InstanceElements(Ec2Instance i, Account account)
    {
        yield return E("vpcId", DefaultVpc(account.Id, i.Region));
        yield return Items("groupSet", i.SecurityGroupIds.Select(id => (object)GroupIdentifier(account, id)));
        yield return E("rootDeviceType", "ebs");
        yield return E("rootDeviceName", "/dev/xvda");
        yield return Items("blockDeviceMapping", [new[]
        {
            E("deviceName", "/dev/xvda"),
            E("ebs", E("volumeId", i.RootVolumeId), E("status", "attached"), E("attachTime", i.Launched), E("deleteOnTermination", true)),
        }]);
    }

    private static ServiceResult CreateSecurityGroup(SandboxCall call)
    {
        var name = call.Form.Required("GroupName");
        var description = call.Form.Required("GroupDescription");
        var vpc = call.Form.Get("VpcId") ?? DefaultVpc(call.Account.Id, call.Region);
        if (name.StartsWith("sg-", StringComparison.OrdinalIgnoreCase) || name.Length > 255)
        {
            throw new AwsServiceException("InvalidParameterValue", $"Invalid value '{name}' for groupName. It must not start with sg- and be at most 255 characters.", 400);
        }

        call.Authorize("ec2:CreateSecurityGroup", call.Arn("ec2", "security-group/*"));
        var tags = Ec2Tags.Pairs(call.Form, "TagSpecification.1.Tag");
        lock (call.State.Gate)
        {
            if (call.Account.SecurityGroups.Values.Any(g => g.Region == call.Region && g.VpcId == vpc && g.Name == name))
            {
                throw new AwsServiceException("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpc}'", 400);
            }

            var group = new Ec2SecurityGroup("sg-" + call.State.Ids.Hex(17), name, description, vpc, call.Region);
            foreach (var (key, value) in tags)
            {
                group.Tags[key] = value;
            }

            call.Account.SecurityGroups[group.Id] = group;
            call.Resources.Add(("AWS::EC2::SecurityGroup", group.Id));
            call.ResponseElements = new System.Text.Json.Nodes.JsonObject { ["requestId"] = call.RequestId, ["_return"] = true, ["groupId"] = group.Id };
            return ServiceResult.Of([E("return", true), E("groupId", group.Id), .. group.Tags.Count == 0 ? Array.Empty<XElement>() : [TagSet(group.Tags)]]);
        }
    }

    private static ServiceResult DescribeSecurityGroups(SandboxCall call)
    {
        call.Authorize("ec2:DescribeSecurityGroups", "*");
        var ids = call.Form.List("GroupId");
        var names = call.Form.List("GroupName");
        var filters = Filters(call.Form);
        lock (call.State.Gate)
        {
            foreach (var id in ids.Where(id => !call.Account.SecurityGroups.TryGetValue(id, out var g) || g.Region != call.Region))
            {
                throw new AwsServiceException("InvalidGroup.NotFound", $"The security group '{id}' does not exist", 400);
            }

            var groups = call.Account.SecurityGroups.Values
                .Where(g => g.Region == call.Region && (ids.Count == 0 || ids.Contains(g.Id)) && (names.Count == 0 || names.Contains(g.Name)))
                .Where(g => filters.All(f => f.Name switch
                {
                    "group-name" => f.Values.Contains(g.Name),
                    "group-id" => f.Values.Contains(g.Id),
                    "vpc-id" => f.Values.Contains(g.VpcId),
                    _ => throw new AwsServiceException("InvalidParameterValue", $"The filter '{f.Name}' is invalid", 400),
                }))
                .ToList();
            return ServiceResult.Of(Items("securityGroupInfo", groups.Select(g => (object)new object?[]
            {
                E("ownerId", call.Account.Id), E("groupId", g.Id), E("groupName", g.Name), E("groupDescription", g.Description), E("vpcId", g.VpcId),
                Items("ipPermissions", []),
                Items("ipPermissionsEgress", g.Egress.Select(r => (object)new object?[]
                {
                    E("ipProtocol", r.Protocol),
                    r.FromPort is { } from ? E("fromPort", from) : null,
                    r.ToPort is { } to ? E("toPort", to) : null,
                    Items("ipRanges", [E("cidrIp", r.CidrIp)]),
                })),
                g.Tags.Count == 0 ? null : TagSet(g.Tags),
            })));
        }
    }

    private static ServiceResult RevokeEgress(SandboxCall call)
    {
        var groupId = call.Form.Required("GroupId");
        var rules = new List<Ec2EgressRule>();
        for (var i = 1; call.Form.Get($"IpPermissions.{i}.IpProtocol") is { } protocol; i++)
        {
            for (var j = 1; call.Form.Get($"IpPermissions.{i}.IpRanges.{j}.CidrIp") is { } cidr; j++)
            {
                rules.Add(new Ec2EgressRule(protocol == "all" ? "-1" : protocol, call.Form.Int($"IpPermissions.{i}.FromPort"), call.Form.Int($"IpPermissions.{i}.ToPort"), cidr));
            }
        }

        if (rules.Count == 0)
        {
            throw new AwsServiceException("MissingParameter", "No permissions were specified: give IpPermissions with at least one IP range.", 400);
        }

        call.Authorize("ec2:RevokeSecurityGroupEgress", call.Arn("ec2", $"security-group/{groupId}"));
        lock (call.State.Gate)
        {
            var group = Group(call, groupId);
            var unknown = rules.Where(r => !group.Egress.Remove(Normalize(r, group))).ToList();
            call.Resources.Add(("AWS::EC2::SecurityGroup", groupId));
            if (unknown.Count == rules.Count)
            {
                throw new AwsServiceException("InvalidPermission.NotFound", "The specified rule does not exist in this security group.", 400);
            }

            return ServiceResult.Of(E("return", true));
        }
    }

    // An "all traffic" rule has no ports, whatever ports the request repeats.
    private static Ec2EgressRule Normalize(Ec2EgressRule rule, Ec2SecurityGroup group) =>
        rule.Protocol == "-1" ? group.Egress.FirstOrDefault(e => e.Protocol == "-1" && e.CidrIp == rule.CidrIp) ?? rule : rule;

    private static ServiceResult ModifyInstanceAttribute(SandboxCall call)
    {
        var id = call.Form.Required("InstanceId");
        var groups = call.Form.List("GroupId");
        var protection = call.Form.Get("DisableApiTermination.Value")
            ?? (call.Form.Get("Attribute") == "disableApiTermination" ? call.Form.Get("Value") : null);
        if (groups.Count == 0 && protection is null)
        {
            throw new AwsServiceException("InvalidParameterCombination", "No attributes specified.", 400);
        }

        call.Authorize("ec2:ModifyInstanceAttribute", call.Arn("ec2", $"instance/{id}"));
        lock (call.State.Gate)
        {
            var instance = Instance(call, id);
            if (groups.Count > 0)
            {
                foreach (var groupId in groups)
                {
                    if (Group(call, groupId).VpcId != DefaultVpc(call.Account.Id, instance.Region))
                    {
                        throw new AwsServiceException("InvalidGroup.NotFound", $"The security group '{groupId}' does not exist in VPC '{DefaultVpc(call.Account.Id, instance.Region)}'", 400);
                    }
                }

                instance.SecurityGroupIds.Clear();
                instance.SecurityGroupIds.AddRange(groups.Distinct(StringComparer.Ordinal));
            }

            if (protection is not null)
            {
                instance.DisableApiTermination = bool.Parse(protection);
            }

            call.Resources.Add(("AWS::EC2::Instance", id));
            return ServiceResult.Of(E("return", true));
        }
    }

    private static ServiceResult DescribeInstanceAttribute(SandboxCall call)
    {
        var id = call.Form.Required("InstanceId");
        var attribute = call.Form.Required("Attribute");
        call.Authorize("ec2:DescribeInstanceAttribute", call.Arn("ec2", $"instance/{id}"));
        lock (call.State.Gate)
        {
            var instance = Instance(call, id);
            XElement value = attribute switch
            {
                "disableApiTermination" => E("disableApiTermination", E("value", instance.DisableApiTermination)),
                "groupSet" => Items("groupSet", instance.SecurityGroupIds.Select(g => (object)GroupIdentifier(call.Account, g))),
                "instanceType" => E("instanceType", E("value", instance.InstanceType)),
                _ => throw new AwsServiceException("InvalidParameterValue", $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute.", 400),
            };
            return ServiceResult.Of(E("instanceId", id), value);
        }
    }

    private static ServiceResult CreateSnapshot(SandboxCall call)
    {
        var volumeId = call.Form.Required("VolumeId");
        var description = call.Form.Get("Description") ?? "";
        call.Authorize("ec2:CreateSnapshot", call.Arn("ec2", $"volume/{volumeId}"));
        var tags = Ec2Tags.Pairs(call.Form, "TagSpecification.1.Tag");
        lock (call.State.Gate)
        {
            var instance = call.Account.Instances.Values.FirstOrDefault(i => i.RootVolumeId == volumeId && i.Region == call.Region && i.State != "terminated")
                ?? throw new AwsServiceException("InvalidVolume.NotFound", $"The volume '{volumeId}' does not exist.", 400);
            var snapshot = new Ec2Snapshot("snap-" + call.State.Ids.Hex(17), volumeId, Ec2Instance.RootVolumeSize, call.Region, description, call.Time);
            foreach (var (key, value) in tags)
            {
                snapshot.Tags[key] = value;
            }

            call.Account.Snapshots[snapshot.Id] = snapshot;
            call.Resources.Add(("AWS::EC2::Snapshot", snapshot.Id));
            call.Resources.Add(("AWS::EC2::Volume", instance.RootVolumeId));
            return ServiceResult.Of([.. SnapshotElements(call.Account, snapshot, "pending").OfType<XElement>()]);
        }
    }

    private static ServiceResult DescribeSnapshots(SandboxCall call)
    {
        call.Authorize("ec2:DescribeSnapshots", "*");
        var ids = call.Form.List("SnapshotId");
        var filters = Filters(call.Form);
        lock (call.State.Gate)
        {
            foreach (var id in ids.Where(id => !call.Account.Snapshots.TryGetValue(id, out var s) || s.Region != call.Region))
            {
                throw new AwsServiceException("InvalidSnapshot.NotFound", $"The snapshot '{id}' does not exist.", 400);
            }

            var snapshots = call.Account.Snapshots.Values
                .Where(s => s.Region == call.Region && (ids.Count == 0 || ids.Contains(s.Id)))
                .Where(s => filters.All(f => f.Name switch
                {
                    "volume-id" => f.Values.Contains(s.VolumeId),
                    "snapshot-id" => f.Values.Contains(s.Id),
                    _ when f.Name.StartsWith("tag:", StringComparison.Ordinal) => s.Tags.TryGetValue(f.Name[4..], out var v) && f.Values.Contains(v),
                    _ => throw new AwsServiceException("InvalidParameterValue", $"The filter '{f.Name}' is invalid", 400),
                }))
                .ToList();
            return ServiceResult.Of(Items("snapshotSet", snapshots.Select(s => (object)SnapshotElements(call.Account, s, "completed"))));
        }
    }

    private static object?[] SnapshotElements(Account account, Ec2Snapshot s, string status) =>
    [
        E("snapshotId", s.Id), E("volumeId", s.VolumeId), E("status", status), E("startTime", s.Started),
        E("progress", status == "completed" ? "100%" : "0%"), E("ownerId", account.Id), E("volumeSize", s.VolumeSize),
        E("description", s.Description), E("encrypted", false), s.Tags.Count == 0 ? null : TagSet(s.Tags),
    ];

    private static XElement[] GroupIdentifier(Account account, string id) =>
        [E("groupId", id), E("groupName", account.SecurityGroups.GetValueOrDefault(id)?.Name ?? "default")];

    private static XElement TagSet(Dictionary<string, string> tags) =>
        Items("tagSet", tags.Select(t => (object)new[] { E("key", t.Key), E("value", t.Value) }));

    private static Ec2SecurityGroup Group(SandboxCall call, string id) =>
        call.Account.SecurityGroups.TryGetValue(id, out var group) && group.Region == call.Region
            ? group
            : throw new AwsServiceException("InvalidGroup.NotFound", $"The security group '{id}' does not exist", 400);

    private static Ec2Instance Instance(SandboxCall call, string id) =>
        call.Account.Instances.TryGetValue(id, out var instance) && instance.Region == call.Region
            ? instance
            : throw new AwsServiceException("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist", 400);

    private static List<(string Name, List<string> Values)> Filters(QueryParams form)
    {
        var filters = new List<(string, List<string>)>();
        for (var i = 1; form.Get($"Filter.{i}.Name") is { } name; i++)
        {
            filters.Add((name, form.List($"Filter.{i}.Value")));
        }

        return filters;
    }
}
