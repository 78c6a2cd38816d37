namespace CredIr.Sandbox.Iam.Policies;

/// <summary>The global condition keys the sandbox fills for every request (names as AWS spells them).</summary>
public static class ContextKeys
{
    public const string CurrentTime = "aws:CurrentTime";
    public const string EpochTime = "aws:EpochTime";
    public const string TokenIssueTime = "aws:TokenIssueTime";
    public const string SourceIp = "aws:SourceIp";
    public const string MultiFactorAuthPresent = "aws:MultiFactorAuthPresent";
    public const string MultiFactorAuthAge = "aws:MultiFactorAuthAge";
    public const string PrincipalArn = "aws:PrincipalArn";
    public const string PrincipalAccount = "aws:PrincipalAccount";
    public const string PrincipalType = "aws:PrincipalType";
    public const string UserId = "aws:userid";
    public const string UserName = "aws:username";
    public const string RequestedRegion = "aws:RequestedRegion";
    public const string SecureTransport = "aws:SecureTransport";
    public const string UserAgent = "aws:UserAgent";
    public const string ExternalId = "sts:ExternalId";
    public const string RoleSessionName = "sts:RoleSessionName";
    public const string SourceIdentity = "sts:SourceIdentity";
}
