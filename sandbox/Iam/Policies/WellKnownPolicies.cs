using System.Text.Json;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// Policies the sandbox seeds and containment applies. ReadOnlyAccess is an approximation of the AWS managed
/// policy (Describe/Get/List/Lookup on every service), close enough for the actions the sandbox serves.
/// </summary>
public static class WellKnownPolicies
{
    public const string AdministratorAccessArn = "arn:aws:iam::aws:policy/AdministratorAccess";
    public const string ReadOnlyAccessArn = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    /// <summary>The inline policy name the IAM console uses for "Revoke active sessions".</summary>
    public const string RevokeOlderSessionsName = "AWSRevokeOlderSessions";

    public const string AdministratorAccessJson =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public const string ReadOnlyAccessJson =
        """{"Version":"2012-10-17","Statement":[{"Sid":"ReadOnly","Effect":"Allow","Action":["*:Describe*","*:Get*","*:List*","*:Lookup*"],"Resource":"*"}]}""";

    public const string DenyAllJson =
        """{"Version":"2012-10-17","Statement":[{"Sid":"DenyAll","Effect":"Deny","Action":"*","Resource":"*"}]}""";

    public static NamedPolicy AdministratorAccess { get; } = NamedPolicy.Parse(AdministratorAccessArn, AdministratorAccessJson);

    public static NamedPolicy ReadOnlyAccess { get; } = NamedPolicy.Parse(ReadOnlyAccessArn, ReadOnlyAccessJson);

    public static PolicyDocument DenyAll { get; } = PolicyDocument.Parse(DenyAllJson);

    /// <summary>
    /// The AWSRevokeOlderSessions document: deny everything to sessions whose aws:TokenIssueTime is before
    /// <paramref name="issuedBefore"/>. Long-term keys carry no aws:TokenIssueTime, so it leaves them alone, as in AWS.
    /// </summary>
    public static string RevokeOlderSessionsJson(DateTimeOffset issuedBefore)
    {
        var time = JsonSerializer.Serialize(RequestContextBuilder.FormatDate(issuedBefore));
        return """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"""
            + time + "}}}]}";
    }

    public static NamedPolicy RevokeOlderSessions(DateTimeOffset issuedBefore) =>
        NamedPolicy.Parse(RevokeOlderSessionsName, RevokeOlderSessionsJson(issuedBefore));
}
