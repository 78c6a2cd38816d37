namespace CredIr.Aws;

/// <summary>Deletes an instance profile.</summary>
public sealed record DeleteInstanceProfileRequest(string InstanceProfileName);
