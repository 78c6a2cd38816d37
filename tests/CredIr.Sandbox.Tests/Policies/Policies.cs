using CredIr.Sandbox.Iam.Policies;

namespace CredIr.Sandbox.Tests.Policies;

/// <summary>Principals, documents and requests shared by the policy tests.</summary>
internal static class Policies
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";

    public static RequestPrincipal Alice { get; } = RequestPrincipal.User(Account, "alice");

    public static RequestPrincipal Session { get; } = RequestPrincipal.AssumedRole(Account, "Ops", "incident", "/team/");

    public static NamedPolicy Identity(string json, string name = "inline") => NamedPolicy.Parse(name, json);

    public static NamedPolicy Allow(string action, string resource = "*", string name = "allow") =>
        Identity($$"""{"Version":"2012-10-17","Statement":[{"Sid":"Grant","Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}""", name);

    public static NamedPolicy Deny(string action, string resource = "*", string name = "deny") =>
        Identity($$"""{"Version":"2012-10-17","Statement":[{"Sid":"Block","Effect":"Deny","Action":"{{action}}","Resource":"{{resource}}"}]}""", name);

    /// <summary>A policy allowing everything under one condition block, e.g. {"Bool":{"aws:SecureTransport":"true"}}.</summary>
    public static NamedPolicy AllowWhen(string conditionJson) =>
        Identity($$"""{"Version":"2012-10-17","Statement":[{"Sid":"Conditional","Effect":"Allow","Action":"*","Resource":"*","Condition":{{conditionJson}}}]}""");

    public static AuthorizationRequest Request(
        string action, string resource, params NamedPolicy[] identityPolicies) =>
        new(Alice, action, resource) { IdentityPolicies = identityPolicies };

    public static AuthorizationDecision Decide(AuthorizationRequest request) => PolicyEvaluator.Evaluate(request).Decision;
}
