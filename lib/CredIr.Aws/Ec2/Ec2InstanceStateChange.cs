namespace CredIr.Aws;

/// <summary>An instance's state before and after a call.</summary>
public sealed record Ec2InstanceStateChange(string InstanceId, string? PreviousState, string? CurrentState);
