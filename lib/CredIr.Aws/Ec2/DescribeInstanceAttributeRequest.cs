namespace CredIr.Aws;

/// <summary>One attribute of an instance: "disableApiTermination", "groupSet" or "instanceType".</summary>
public sealed record DescribeInstanceAttributeRequest(string InstanceId, string Attribute);
