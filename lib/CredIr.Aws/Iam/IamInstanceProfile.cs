namespace CredIr.Aws;

/// <summary>An instance profile and the roles it carries.</summary>
public sealed record IamInstanceProfile(string InstanceProfileName, string InstanceProfileId, string Arn, string Path, DateTimeOffset? CreateDate, IReadOnlyList<IamRole> Roles);
