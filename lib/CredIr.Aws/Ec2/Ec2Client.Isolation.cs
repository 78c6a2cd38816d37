using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>Security groups, instance attributes and snapshots: taking an instance out of service and keeping its disks.</summary>
public sealed partial class Ec2Client
{
    /// <summary>Creates a security group.</summary>
    public async Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("CreateSecurityGroup", Version)
            .Add("GroupName", request.GroupName)
            .Add("GroupDescription", request.Description)
            .Add("VpcId", request.VpcId);
        AddTagSpecification(query, "security-group", request.Tags);
        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new CreateSecurityGroupResponse(root.Required("groupId"), requestId);
    }

    /// <summary>Every security group matching the request, page after page.</summary>
    public async IAsyncEnumerable<Ec2SecurityGroup> DescribeSecurityGroupsAsync(
        DescribeSecurityGroupsRequest? request = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        request ??= new DescribeSecurityGroupsRequest();
        string? token = null;
        do
        {
            var query = new QueryRequest("DescribeSecurityGroups", Version).AddList("GroupId", request.GroupIds).Add("NextToken", token);
            Ec2Xml.AddFilters(query, request.Filters);
            var (root, _) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var group in root.Items("securityGroupInfo"))
            {
                yield return new Ec2SecurityGroup(
                    group.Required("groupId"), group.Required("groupName"), group.Str("groupDescription"), group.Str("vpcId"),
                    group.Items("ipPermissions").Select(Permission).ToList(), group.Items("ipPermissionsEgress").Select(Permission).ToList(), Tags(group));
            }

            token = root.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>Removes outbound rules (AWS answers InvalidPermission.NotFound when none of them exists).</summary>
    public async Task<AwsResult> RevokeSecurityGroupEgressAsync(RevokeSecurityGroupEgressRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("RevokeSecurityGroupEgress", Version).Add("GroupId", request.GroupId);
        for (var i = 0; i < request.IpPermissions.Count; i++)
        {
            var prefix = "IpPermissions." + Json.Invariant(i + 1);
            var permission = request.IpPermissions[i];
            query.Add(prefix + ".IpProtocol", permission.IpProtocol).Add(prefix + ".FromPort", permission.FromPort).Add(prefix + ".ToPort", permission.ToPort);
            for (var j = 0; j < permission.CidrIps.Count; j++)
            {
                query.Add($"{prefix}.IpRanges.{Json.Invariant(j + 1)}.CidrIp", permission.CidrIps[j]);
            }
        }

        var (_, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new AwsResult(requestId);
    }

    /// <summary>Changes an instance's security groups and/or termination protection (one call per attribute, as EC2 takes one at a time).</summary>
    public async Task<AwsResult> ModifyInstanceAttributeAsync(ModifyInstanceAttributeRequest request, CancellationToken cancellationToken = default)
    {
        string? requestId = null;
        if (request.Groups is { Count: > 0 } groups)
        {
            var query = new QueryRequest("ModifyInstanceAttribute", Version).Add("InstanceId", request.InstanceId).AddList("GroupId", groups);
            (_, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        }

        if (request.DisableApiTermination is { } protect)
        {
            var query = new QueryRequest("ModifyInstanceAttribute", Version).Add("InstanceId", request.InstanceId).Add("DisableApiTermination.Value", protect);
            (_, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        }

        return new AwsResult(requestId);
    }

    /// <summary>Reads one attribute of an instance.</summary>
    public async Task<Ec2InstanceAttribute> DescribeInstanceAttributeAsync(DescribeInstanceAttributeRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("DescribeInstanceAttribute", Version).Add("InstanceId", request.InstanceId).Add("Attribute", request.Attribute);
        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var protection = root.Child("disableApiTermination")?.Str("value");
        return new Ec2InstanceAttribute(
            root.Str("instanceId") ?? request.InstanceId,
            protection is null ? null : string.Equals(protection, "true", StringComparison.OrdinalIgnoreCase),
            root.Items("groupSet").Select(static g => g.Required("groupId")).ToList(),
            root.Child("instanceType")?.Str("value"),
            requestId);
    }

    /// <summary>Starts a snapshot of a volume.</summary>
    public async Task<Ec2Snapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("CreateSnapshot", Version).Add("VolumeId", request.VolumeId).Add("Description", request.Description);
        AddTagSpecification(query, "snapshot", request.Tags);
        var (root, _) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return Snapshot(root);
    }

    /// <summary>Every snapshot matching the request, page after page.</summary>
    public async IAsyncEnumerable<Ec2Snapshot> DescribeSnapshotsAsync(
        DescribeSnapshotsRequest? request = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        request ??= new DescribeSnapshotsRequest();
        string? token = null;
        do
        {
            var query = new QueryRequest("DescribeSnapshots", Version).AddList("SnapshotId", request.SnapshotIds).AddList("Owner", request.OwnerIds).Add("NextToken", token);
            Ec2Xml.AddFilters(query, request.Filters);
            var (root, _) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var snapshot in root.Items("snapshotSet"))
            {
                yield return Snapshot(snapshot);
            }

            token = root.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static void AddTagSpecification(QueryRequest query, string resourceType, IReadOnlyList<Ec2Tag>? tags)
    {
        if (tags is not { Count: > 0 })
        {
            return;
        }

        query.Add("TagSpecification.1.ResourceType", resourceType);
        for (var i = 0; i < tags.Count; i++)
        {
            var prefix = "TagSpecification.1.Tag." + Json.Invariant(i + 1);
            query.Add(prefix + ".Key", tags[i].Key).Add(prefix + ".Value", tags[i].Value);
        }
    }

    private static Ec2Snapshot Snapshot(XElement e) => new(
        e.Required("snapshotId"), e.Required("volumeId"), e.Str("status") ?? "unknown", e.Time("startTime"), e.Str("description"), e.Int("volumeSize"), Tags(e));

    private static Ec2IpPermission Permission(XElement e) => new(
        e.Str("ipProtocol") ?? "-1", e.Int("fromPort"), e.Int("toPort"), e.Items("ipRanges").Select(static r => r.Required("cidrIp")).ToList());

    private static List<Ec2Tag> Tags(XElement e) =>
        e.Items("tagSet").Select(static t => new Ec2Tag(t.Str("key") ?? string.Empty, t.Str("value") ?? string.Empty)).ToList();
}
