namespace CredIr.Sandbox.Model;

/// <summary>A VPC security group. A new one allows no inbound traffic and all outbound traffic, as in AWS.</summary>
internal sealed class Ec2SecurityGroup(string id, string name, string description, string vpcId, string region)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Description { get; } = description;
    public string VpcId { get; } = vpcId;
    public string Region { get; } = region;
    public List<Ec2EgressRule> Egress { get; } = [new Ec2EgressRule("-1", null, null, "0.0.0.0/0")];
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
