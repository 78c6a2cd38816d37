namespace CredIr.Aws;

/// <summary>The state changes of the terminated instances.</summary>
public sealed record TerminateInstancesResponse(IReadOnlyList<Ec2InstanceStateChange> Instances, string? RequestId);
