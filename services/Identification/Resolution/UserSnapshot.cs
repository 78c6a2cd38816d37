namespace CredIr.Identification.Resolution;

/// <summary>An IAM user and every credential it holds: access keys, console password, MFA devices.</summary>
public sealed record UserSnapshot(
    string AccountId,
    string UserName,
    string UserId,
    string Arn,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<AccessKeySnapshot> AccessKeys,
    bool HasLoginProfile,
    DateTimeOffset? LoginProfileCreatedAt,
    IReadOnlyList<string> MfaDevices);
