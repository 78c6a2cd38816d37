using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>Amazon EC2 (EC2 query protocol). Thread-safe; keep one per account and region.</summary>
public sealed partial class Ec2Client
{
    private const string Version = "2016-11-15";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public Ec2Client(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.Ec2, credentials, region, accountId);
    }

    /// <summary>Lists regions; with AllRegions, the disabled ones too (OptInStatus "not-opted-in").</summary>
    public async Task<DescribeRegionsResponse> DescribeRegionsAsync(DescribeRegionsRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new DescribeRegionsRequest();
        var query = new QueryRequest("DescribeRegions", Version).AddList("RegionName", request.RegionNames);
        if (request.AllRegions)
        {
            query.Add("AllRegions", true);
        }

        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var regions = root.Items("regionInfo")
            .Select(static r => new Ec2Region(r.Required("regionName"), r.Str("regionEndpoint"), r.Str("optInStatus")))
            .ToList();
        return new DescribeRegionsResponse(regions, requestId);
    }

    /// <summary>Every instance matching the request, page after page.</summary>
    public async IAsyncEnumerable<Ec2Instance> DescribeInstancesAsync(
        DescribeInstancesRequest? request = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        request ??= new DescribeInstancesRequest();
        string? token = null;
        do
        {
            var query = new QueryRequest("DescribeInstances", Version)
                .AddList("InstanceId", request.InstanceIds)
                .Add("MaxResults", request.MaxResults)
                .Add("NextToken", token);
            Ec2Xml.AddFilters(query, request.Filters);
            var (root, _) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var instance in root.Items("reservationSet").SelectMany(Ec2Xml.Reservation))
            {
                yield return instance;
            }

            token = root.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>Terminates instances.</summary>
    public async Task<TerminateInstancesResponse> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("TerminateInstances", Version).AddList("InstanceId", request.InstanceIds);
        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new TerminateInstancesResponse(root.Items("instancesSet").Select(Ec2Xml.StateChange).ToList(), requestId);
    }

    /// <summary>Launches instances.</summary>
    public async Task<RunInstancesResponse> RunInstancesAsync(RunInstancesRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("RunInstances", Version)
            .Add("ImageId", request.ImageId)
            .Add("InstanceType", request.InstanceType)
            .Add("MinCount", request.MinCount)
            .Add("MaxCount", request.MaxCount)
            .Add("IamInstanceProfile.Arn", request.IamInstanceProfileArn)
            .Add("IamInstanceProfile.Name", request.IamInstanceProfileName)
            .Add("KeyName", request.KeyName)
            .AddList("SecurityGroupId", request.SecurityGroupIds);
        if (request.Tags is { Count: > 0 } tags)
        {
            query.Add("TagSpecification.1.ResourceType", "instance");
            for (var i = 0; i < tags.Count; i++)
            {
                var prefix = "TagSpecification.1.Tag." + Json.Invariant(i + 1);
                query.Add(prefix + ".Key", tags[i].Key).Add(prefix + ".Value", tags[i].Value);
            }
        }

        var (root, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new RunInstancesResponse(root.Str("reservationId"), Ec2Xml.Reservation(root).ToList(), requestId);
    }

    /// <summary>Which instance profile each instance carries.</summary>
    public async IAsyncEnumerable<Ec2IamInstanceProfileAssociation> DescribeIamInstanceProfileAssociationsAsync(
        DescribeIamInstanceProfileAssociationsRequest? request = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        request ??= new DescribeIamInstanceProfileAssociationsRequest();
        string? token = null;
        do
        {
            var query = new QueryRequest("DescribeIamInstanceProfileAssociations", Version)
                .AddList("AssociationId", request.AssociationIds)
                .Add("NextToken", token);
            Ec2Xml.AddFilters(query, request.Filters);
            var (root, _) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var association in root.Items("iamInstanceProfileAssociationSet"))
            {
                yield return Ec2Xml.Association(association);
            }

            token = root.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }

    private async Task<(XElement Root, string? RequestId)> SendAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var response = await _channel.SendAsync(query.Build(), cancellationToken).ConfigureAwait(false);
        var root = Xml.Load(response);
        return (root, root.Str("requestId") ?? response.RequestId);
    }
}
