namespace CredIr.Aws;

/// <summary>An EC2 filter: a name and the values any of which matches.</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values);
