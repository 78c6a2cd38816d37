namespace CredIr.Aws;

/// <summary>Replaces an instance's security groups and/or sets its termination protection.</summary>
public sealed record ModifyInstanceAttributeRequest(string InstanceId, IReadOnlyList<string>? Groups = null, bool? DisableApiTermination = null);
