namespace CredIr.Aws;

/// <summary>Terminates instances.</summary>
public sealed record TerminateInstancesRequest(IReadOnlyList<string> InstanceIds);
