using CredIr.Sandbox.Iam.Policies;
using static CredIr.Sandbox.Tests.Policies.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class AccessDeniedMessageTests
{
    private const string Bob = "arn:aws:iam::111122223333:user/bob";

    [Fact]
    public void ImplicitDeny_SaysNoIdentityBasedPolicyAllowsTheAction()
    {
        var request = Request("iam:CreateUser", Bob);

        var message = AccessDeniedMessages.For(request, PolicyEvaluator.Evaluate(request));

        Assert.Equal(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/bob because no identity-based policy allows the iam:CreateUser action",
            message);
    }

    [Fact]
    public void ExplicitDeny_SaysWithAnExplicitDenyInAnIdentityBasedPolicy()
    {
        var request = Request("iam:CreateUser", Bob, WellKnownPolicies.AdministratorAccess, Deny("*"));

        var message = AccessDeniedMessages.For(request, PolicyEvaluator.Evaluate(request));

        Assert.Equal(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/bob with an explicit deny in an identity-based policy",
            message);
    }

    [Fact]
    public void AssumedRoleSession_IsNamedByItsSessionArn()
    {
        var request = new AuthorizationRequest(RequestPrincipal.AssumedRole(Account, "Role", "session"), "s3:ListBuckets", "*")
        {
            IdentityPolicies = [WellKnownPolicies.AdministratorAccess, WellKnownPolicies.RevokeOlderSessions(DateTimeOffset.UnixEpoch.AddYears(60))],
            Context = new RequestContextBuilder().SetDate(ContextKeys.TokenIssueTime, DateTimeOffset.UnixEpoch.AddYears(50)).Build(),
        };

        var message = AccessDeniedMessages.For(request, PolicyEvaluator.Evaluate(request));

        Assert.Equal(
            "User: arn:aws:sts::111122223333:assumed-role/Role/session is not authorized to perform: s3:ListBuckets on resource: * with an explicit deny in an identity-based policy",
            message);
    }

    [Theory]
    [InlineData(AuthorizationDecision.ExplicitDeny, PolicyType.ServiceControlPolicy, "with an explicit deny in a service control policy")]
    [InlineData(AuthorizationDecision.ImplicitDeny, PolicyType.ServiceControlPolicy, "because no service control policy allows the ec2:RunInstances action")]
    [InlineData(AuthorizationDecision.ExplicitDeny, PolicyType.PermissionsBoundary, "with an explicit deny in a permissions boundary")]
    [InlineData(AuthorizationDecision.ImplicitDeny, PolicyType.PermissionsBoundary, "because no permissions boundary allows the ec2:RunInstances action")]
    [InlineData(AuthorizationDecision.ExplicitDeny, PolicyType.SessionPolicy, "with an explicit deny in a session policy")]
    [InlineData(AuthorizationDecision.ImplicitDeny, PolicyType.SessionPolicy, "because no session policy allows the ec2:RunInstances action")]
    [InlineData(AuthorizationDecision.ExplicitDeny, PolicyType.ResourceBased, "with an explicit deny in a resource-based policy")]
    [InlineData(AuthorizationDecision.ImplicitDeny, PolicyType.ResourceBased, "because no resource-based policy allows the ec2:RunInstances action")]
    public void EachPolicyType_IsNamedAsAwsNamesIt(AuthorizationDecision decision, PolicyType type, string reason)
    {
        var message = AccessDeniedMessages.For(Alice.Arn, "ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*", new AuthorizationResult(decision, type));

        Assert.Equal(
            $"User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* {reason}",
            message);
    }

    [Fact]
    public void AssumeRoleRefusedByTrustPolicy_HasNoReason()
    {
        var trust = NamedPolicy.Parse("trust", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}""", PolicyDocumentKind.Trust);
        var request = new AuthorizationRequest(Alice, "sts:AssumeRole", "arn:aws:iam::444455556666:role/X") { ResourcePolicy = trust };

        var message = AccessDeniedMessages.For(request, PolicyEvaluator.EvaluateAssumeRole(request));

        Assert.Equal(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/X",
            message);
        Assert.Equal(message, AccessDeniedMessages.ForAssumeRole(Alice.Arn, "arn:aws:iam::444455556666:role/X"));
    }

    [Fact]
    public void AllowedRequest_HasNoAccessDeniedMessage()
    {
        Assert.Throws<ArgumentException>(() => AccessDeniedMessages.For(Alice.Arn, "iam:GetUser", "*", new AuthorizationResult(AuthorizationDecision.Allow)));
    }

    [Fact]
    public void RootUser_MayNotAssumeARoleEvenWhenTrusted()
    {
        var trust = NamedPolicy.Parse("trust", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}}""", PolicyDocumentKind.Trust);
        var request = new AuthorizationRequest(RequestPrincipal.Root(Account), "sts:AssumeRole", "arn:aws:iam::111122223333:role/Ops") { ResourcePolicy = trust };

        var result = PolicyEvaluator.EvaluateAssumeRole(request);

        Assert.Equal(AuthorizationDecision.ImplicitDeny, result.Decision);
        Assert.Equal("Roles may not be assumed by root accounts.", AccessDeniedMessages.For(request, result));
    }

    [Fact]
    public void ServiceControlPolicyDeny_NamesTheScpArn()
    {
        const string scpArn = "arn:aws:organizations::444455556666:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp";
        var request = Request("ec2:CreateKeyPair", "arn:aws:ec2:us-east-1:111122223333:key-pair/probe", WellKnownPolicies.AdministratorAccess) with
        {
            ServiceControlPolicies = [WellKnownPolicies.AdministratorAccess, Deny("ec2:*", name: scpArn)],
        };

        var message = AccessDeniedMessages.For(request, PolicyEvaluator.Evaluate(request));

        Assert.Equal(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ec2:CreateKeyPair on resource: arn:aws:ec2:us-east-1:111122223333:key-pair/probe with an explicit deny in a service control policy: " + scpArn,
            message);
    }

    [Fact]
    public void S3_QuotesTheResource()
    {
        var request = Request("s3:GetObject", "arn:aws:s3:::reports/q3.csv");

        var message = AccessDeniedMessages.For(request, PolicyEvaluator.Evaluate(request), quoteResource: true);

        Assert.Equal(
            "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::reports/q3.csv\" because no identity-based policy allows the s3:GetObject action",
            message);
    }

    [Fact]
    public void Ec2_WrapsTheMessageInUnauthorizedOperation()
    {
        var request = Request("ec2:RunInstances", "arn:aws:ec2:us-east-1:111122223333:instance/*");

        var message = AccessDeniedMessages.ForEc2(AccessDeniedMessages.For(request, PolicyEvaluator.Evaluate(request)), "c2FuZGJveA");

        Assert.Equal(
            "You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* because no identity-based policy allows the ec2:RunInstances action. Encoded authorization failure message: c2FuZGJveA",
            message);
    }
}
