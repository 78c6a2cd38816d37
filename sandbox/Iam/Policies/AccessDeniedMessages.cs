namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// The messages AWS puts in AccessDenied errors, word for word:
/// "User: ARN is not authorized to perform: ACTION on resource: RESOURCE because no identity-based policy allows the ACTION action"
/// or "... with an explicit deny in an identity-based policy" (likewise resource-based policy, permissions boundary,
/// session policy, service control policy). A refusal by a role's trust policy carries no reason, as in AWS.
/// </summary>
public static class AccessDeniedMessages
{
    /// <summary>AWS's whole message for AssumeRole called with root credentials.</summary>
    public const string RootCannotAssumeRoles = "Roles may not be assumed by root accounts.";


    /// <summary>The message for a denied request; S3 writes the resource in double quotes (<paramref name="quoteResource"/>).</summary>
    public static string For(AuthorizationRequest request, AuthorizationResult result, bool quoteResource = false) =>
        request.Principal.Type == PrincipalType.Root && result is { Decision: AuthorizationDecision.ImplicitDeny, PolicyType: PolicyType.TrustPolicy }
            ? RootCannotAssumeRoles
            : For(request.Principal.Arn, request.Action, request.Resource, result, quoteResource);

    public static string For(string callerArn, string action, string resource, AuthorizationResult result, bool quoteResource = false)
    {
        if (result.Decision == AuthorizationDecision.Allow)
        {
            throw new ArgumentException("An allowed request has no AccessDenied message.", nameof(result));
        }

        var head = NotAuthorized(callerArn, action, quoteResource ? $"\"{resource}\"" : resource);
        if (result.PolicyType is not { } type || type == PolicyType.TrustPolicy)
        {
            return head;
        }

        if (result.Decision == AuthorizationDecision.ImplicitDeny)
        {
            return $"{head} because no {Name(type)} allows the {action} action";
        }

        // AWS names the denying SCP by its ARN; other policies stay anonymous.
        var scpArn = type == PolicyType.ServiceControlPolicy
            && result.PolicyName?.StartsWith("arn:", StringComparison.Ordinal) == true
            && result.PolicyName.Contains(":organizations::", StringComparison.Ordinal)
                ? ": " + result.PolicyName
                : string.Empty;
        return $"{head} with an explicit deny in {Article(type)} {Name(type)}{scpArn}";
    }

    /// <summary>AssumeRole refused: "User: CALLER is not authorized to perform: sts:AssumeRole on resource: ROLE".</summary>
    public static string ForAssumeRole(string callerArn, string roleArn, string action = "sts:AssumeRole") =>
        NotAuthorized(callerArn, action, roleArn);

    /// <summary>
    /// EC2's UnauthorizedOperation message, which wraps the AccessDenied text (<paramref name="detail"/>, from
    /// <see cref="For(AuthorizationRequest, AuthorizationResult, bool)"/>) and adds an opaque encoded message
    /// that sts:DecodeAuthorizationMessage would expand.
    /// </summary>
    public static string ForEc2(string detail, string encodedMessage) =>
        $"You are not authorized to perform this operation. {detail}. Encoded authorization failure message: {encodedMessage}";

    private static string NotAuthorized(string callerArn, string action, string resource) =>
        $"User: {callerArn} is not authorized to perform: {action} on resource: {resource}";

    private static string Article(PolicyType type) => type == PolicyType.IdentityBased ? "an" : "a";

    private static string Name(PolicyType type) => type switch
    {
        PolicyType.IdentityBased => "identity-based policy",
        PolicyType.ResourceBased => "resource-based policy",
        PolicyType.PermissionsBoundary => "permissions boundary",
        PolicyType.SessionPolicy => "session policy",
        PolicyType.ServiceControlPolicy => "service control policy",
        _ => "trust policy",
    };
}
