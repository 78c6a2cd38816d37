namespace CredIr.Aws;

/// <summary>The new security group's id.</summary>
public sealed record CreateSecurityGroupResponse(string GroupId, string? RequestId);
