namespace CredIr.Aws;

/// <summary>An instance profile.</summary>
public sealed record InstanceProfileResponse(IamInstanceProfile InstanceProfile, string? RequestId);
