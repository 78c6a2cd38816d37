namespace CredIr.Aws;

/// <summary>The attribute asked for (the others null or empty).</summary>
public sealed record Ec2InstanceAttribute(string InstanceId, bool? DisableApiTermination, IReadOnlyList<string> GroupIds, string? InstanceType, string? RequestId);
