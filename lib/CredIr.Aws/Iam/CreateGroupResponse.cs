namespace CredIr.Aws;

/// <summary>The group created.</summary>
public sealed record CreateGroupResponse(IamGroup Group, string? RequestId);
