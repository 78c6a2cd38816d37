namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// The messages AWS puts in AccessDenied errors, word for word:
/// "User: ARN is not authorized to perform: ACTION on resource: RESOURCE because no identity-based policy allows the ACTION action"
/// or "... with an explicit deny in an identity-based policy" (likewise resource-based policy, permissions boundary,
/// session policy, service control policy). A refusal by a role's trust policy carries no reason, as in AWS.
/// </summary>
public static class AccessDeniedMessages
{
    public static string For(AuthorizationRequest request, AuthorizationResult result) =>
        For(request.Principal.Arn, request.Action, request.Resource, result);

    public static string For(string callerArn, string action, string resource, AuthorizationResult result)
    {
        var head = NotAuthorized(callerArn, action, resource);
        if (result.Decision == AuthorizationDecision.Allow)
        {
            throw new ArgumentException("An allowed request has no AccessDenied message.", nameof(result));
        }

        if (result.PolicyType is not { } type || type == PolicyType.TrustPolicy)
        {
            return head;
        }

        return result.Decision == AuthorizationDecision.ExplicitDeny
            ? $"{head} with an explicit deny in {Article(type)} {Name(type)}"
            : $"{head} because no {Name(type)} allows the {action} action";
    }

    /// <summary>AssumeRole refused: "User: CALLER is not authorized to perform: sts:AssumeRole on resource: ROLE".</summary>
    public static string ForAssumeRole(string callerArn, string roleArn, string action = "sts:AssumeRole") =>
        NotAuthorized(callerArn, action, roleArn);

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
