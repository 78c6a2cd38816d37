using CredIr.Sandbox.Iam.Policies;
using static CredIr.Sandbox.Tests.Policies.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class EvaluationLogicTests
{
    private const string Bob = "arn:aws:iam::111122223333:user/bob";

    [Fact]
    public void NoPolicy_IsAnImplicitDeny()
    {
        var result = PolicyEvaluator.Evaluate(Request("iam:CreateUser", Bob));

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.IdentityBased), result);
    }

    [Fact]
    public void AllowInOnePolicy_AllowsAndNamesTheStatement()
    {
        var result = PolicyEvaluator.Evaluate(Request("iam:CreateUser", Bob, Allow("iam:ListUsers", name: "list"), Allow("iam:CreateUser", name: "create")));

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.Allow, PolicyType.IdentityBased, "create", "Grant"), result);
    }

    [Fact]
    public void ExplicitDenyInAnotherPolicy_BeatsAdministratorAccess()
    {
        var request = Request("iam:CreateUser", Bob, WellKnownPolicies.AdministratorAccess, Deny("iam:Create*", name: "no-create"));

        var result = PolicyEvaluator.Evaluate(request);

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.IdentityBased, "no-create", "Block"), result);
    }

    [Fact]
    public void DenyOnOtherAction_LeavesTheAllowStanding()
    {
        var request = Request("iam:CreateUser", Bob, WellKnownPolicies.AdministratorAccess, Deny("iam:DeleteUser"));

        Assert.Equal(AuthorizationDecision.Allow, Decide(request));
    }

    [Fact]
    public void DenyAll_StopsEveryActionOfTheCaller()
    {
        var denyAll = new NamedPolicy("CredIrDenyAll", WellKnownPolicies.DenyAll);
        string[] actions = ["iam:CreateAccessKey", "sts:AssumeRole", "s3:GetObject", "ec2:RunInstances"];

        var decisions = actions.Select(a => Decide(Request(a, "*", WellKnownPolicies.AdministratorAccess, denyAll)));

        Assert.All(decisions, d => Assert.Equal(AuthorizationDecision.ExplicitDeny, d));
    }

    [Theory]
    [InlineData("sts:GetCallerIdentity")]
    [InlineData("sts:GetSessionToken")]
    public void AuthenticationOperations_AreAllowedEvenUnderDenyAll(string action)
    {
        var request = Request(action, "*", new NamedPolicy("CredIrDenyAll", WellKnownPolicies.DenyAll));

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.Allow), PolicyEvaluator.Evaluate(request));
    }

    [Theory]
    [InlineData("ec2:DescribeInstances", AuthorizationDecision.Allow)]
    [InlineData("iam:GetUser", AuthorizationDecision.Allow)]
    [InlineData("cloudtrail:LookupEvents", AuthorizationDecision.Allow)]
    [InlineData("iam:ListAccessKeys", AuthorizationDecision.Allow)]
    [InlineData("iam:CreateUser", AuthorizationDecision.ImplicitDeny)]
    [InlineData("s3:PutObject", AuthorizationDecision.ImplicitDeny)]
    public void ReadOnlyAccess_AllowsReadsOnly(string action, AuthorizationDecision expected)
    {
        Assert.Equal(expected, Decide(Request(action, "*", WellKnownPolicies.ReadOnlyAccess)));
    }

    [Fact]
    public void RootUser_IsAllowedEverythingInItsAccountWithoutPolicies()
    {
        var request = new AuthorizationRequest(RequestPrincipal.Root(Account), "iam:DeleteRole", "arn:aws:iam::111122223333:role/Ops");

        Assert.Equal(AuthorizationDecision.Allow, Decide(request));
    }

    [Fact]
    public void RootUser_IsStoppedByAServiceControlPolicyDeny()
    {
        var request = new AuthorizationRequest(RequestPrincipal.Root(Account), "cloudtrail:StopLogging", "*")
        {
            ServiceControlPolicies = [WellKnownPolicies.AdministratorAccess, Deny("cloudtrail:StopLogging", name: "scp-protect-trail")],
        };

        var result = PolicyEvaluator.Evaluate(request);

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.ServiceControlPolicy, "scp-protect-trail", "Block"), result);
    }

    [Fact]
    public void ServiceControlPolicies_MustAllowTheActionToo()
    {
        var request = Request("ec2:RunInstances", "*", WellKnownPolicies.AdministratorAccess) with
        {
            ServiceControlPolicies = [Allow("s3:*")],
        };

        var result = PolicyEvaluator.Evaluate(request);

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.ServiceControlPolicy), result);
    }

    [Theory]
    [InlineData("iam:GetUser", AuthorizationDecision.Allow, null)]
    [InlineData("iam:CreateUser", AuthorizationDecision.ImplicitDeny, PolicyType.PermissionsBoundary)]
    [InlineData("s3:GetObject", AuthorizationDecision.ImplicitDeny, PolicyType.IdentityBased)]
    public void PermissionsBoundary_CapsWhatIdentityPoliciesAllow(string action, AuthorizationDecision expected, PolicyType? failedType)
    {
        var request = Request(action, "*", Allow("iam:*")) with { PermissionsBoundary = Allow("iam:Get*", name: "boundary") };

        var result = PolicyEvaluator.Evaluate(request);

        Assert.Equal(expected, result.Decision);
        Assert.Equal(expected == AuthorizationDecision.Allow ? PolicyType.IdentityBased : failedType, result.PolicyType);
    }

    [Fact]
    public void PermissionsBoundary_NeverGrantsByItself()
    {
        var request = Request("iam:CreateUser", "*") with { PermissionsBoundary = WellKnownPolicies.AdministratorAccess };

        Assert.Equal(AuthorizationDecision.ImplicitDeny, Decide(request));
    }

    [Fact]
    public void DenyInPermissionsBoundary_IsAnExplicitDeny()
    {
        var request = Request("iam:CreateUser", "*", WellKnownPolicies.AdministratorAccess) with { PermissionsBoundary = Deny("*", name: "fence") };

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.PermissionsBoundary, "fence", "Block"), PolicyEvaluator.Evaluate(request));
    }

    [Theory]
    [InlineData("s3:GetObject", AuthorizationDecision.Allow)]
    [InlineData("s3:PutObject", AuthorizationDecision.ImplicitDeny)]
    [InlineData("iam:CreateUser", AuthorizationDecision.ImplicitDeny)]
    public void SessionPolicy_IsIntersectedWithTheRolePolicies(string action, AuthorizationDecision expected)
    {
        var request = new AuthorizationRequest(Session, action, "*")
        {
            IdentityPolicies = [Allow("s3:*")],
            SessionPolicies = [Allow("s3:Get*", name: "session"), Allow("iam:*", name: "session-2")],
        };

        Assert.Equal(expected, Decide(request));
    }

    [Fact]
    public void FederationTokenWithoutPolicy_HasNoPermissions()
    {
        var request = new AuthorizationRequest(RequestPrincipal.FederatedUser(Account, "contractor"), "s3:ListBuckets", "*")
        {
            IdentityPolicies = [WellKnownPolicies.AdministratorAccess],
            SessionPolicies = [],
        };

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.SessionPolicy), PolicyEvaluator.Evaluate(request));
    }

    [Fact]
    public void SessionPolicy_DoesNotGrantWhatTheRoleLacks()
    {
        var request = new AuthorizationRequest(Session, "ec2:RunInstances", "*")
        {
            IdentityPolicies = [Allow("s3:*")],
            SessionPolicies = [WellKnownPolicies.AdministratorAccess],
        };

        Assert.Equal(AuthorizationDecision.ImplicitDeny, Decide(request));
    }

    [Fact]
    public void ResourcePolicy_NamingTheUser_AllowsWithinTheAccountWithoutIdentityPolicy()
    {
        var bucketPolicy = NamedPolicy.Parse("bucket", """{"Version":"2012-10-17","Statement":{"Sid":"Reader","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}}""", PolicyDocumentKind.Resource);
        var request = Request("s3:GetObject", "arn:aws:s3:::reports/q3.csv") with { ResourcePolicy = bucketPolicy };

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.Allow, PolicyType.ResourceBased, "bucket", "Reader"), PolicyEvaluator.Evaluate(request));
    }

    [Fact]
    public void ResourcePolicy_NamingTheAccount_StillNeedsAnIdentityPolicy()
    {
        var bucketPolicy = NamedPolicy.Parse("bucket", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"}}""", PolicyDocumentKind.Resource);
        var request = Request("s3:GetObject", "arn:aws:s3:::reports/q3.csv") with { ResourcePolicy = bucketPolicy };

        Assert.Equal(AuthorizationDecision.ImplicitDeny, Decide(request));
    }

    [Fact]
    public void ResourcePolicyDeny_BeatsTheIdentityAllow()
    {
        var bucketPolicy = NamedPolicy.Parse("bucket", """{"Version":"2012-10-17","Statement":{"Sid":"NoDelete","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::evidence/*"}}""", PolicyDocumentKind.Resource);
        var request = Request("s3:DeleteObject", "arn:aws:s3:::evidence/trail.json.gz", WellKnownPolicies.AdministratorAccess) with { ResourcePolicy = bucketPolicy };

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.ResourceBased, "bucket", "NoDelete"), PolicyEvaluator.Evaluate(request));
    }

    [Theory]
    [InlineData(true, true, AuthorizationDecision.Allow, null)]
    [InlineData(true, false, AuthorizationDecision.ImplicitDeny, PolicyType.IdentityBased)]
    [InlineData(false, true, AuthorizationDecision.ImplicitDeny, PolicyType.ResourceBased)]
    public void CrossAccount_NeedsBothTheIdentityAndTheResourcePolicy(
        bool resourceAllows, bool identityAllows, AuthorizationDecision expected, PolicyType? type)
    {
        var principal = resourceAllows ? "arn:aws:iam::111122223333:root" : "arn:aws:iam::999999999999:root";
        var bucketPolicy = NamedPolicy.Parse("bucket", $$$"""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"{{{principal}}}"},"Action":"s3:GetObject","Resource":"*"}}""", PolicyDocumentKind.Resource);
        var request = new AuthorizationRequest(Alice, "s3:GetObject", "arn:aws:s3:::partner-data/file")
        {
            ResourceAccountId = OtherAccount,
            ResourcePolicy = bucketPolicy,
            IdentityPolicies = identityAllows ? [Allow("s3:GetObject")] : [],
        };

        var result = PolicyEvaluator.Evaluate(request);

        Assert.Equal((expected, expected == AuthorizationDecision.Allow ? PolicyType.IdentityBased : type), (result.Decision, result.PolicyType));
    }

    [Fact]
    public void CrossAccount_ResourceArnAccount_IsUsedWhenNotGiven()
    {
        var request = Request("lambda:GetFunction", "arn:aws:lambda:us-east-1:444455556666:function:payments", WellKnownPolicies.AdministratorAccess);

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.ResourceBased), PolicyEvaluator.Evaluate(request));
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice", AuthorizationDecision.Allow)]
    [InlineData("arn:aws:iam::111122223333:user/mallory", AuthorizationDecision.ExplicitDeny)]
    public void NotPrincipalDeny_DeniesEveryoneButTheNamedPrincipal(string caller, AuthorizationDecision expected)
    {
        var bucketPolicy = NamedPolicy.Parse("bucket", """{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:*","Resource":"*"}}""", PolicyDocumentKind.Resource);
        var principal = new RequestPrincipal(caller, Account, PrincipalType.User);
        var request = new AuthorizationRequest(principal, "s3:GetObject", "arn:aws:s3:::vault/key")
        {
            ResourcePolicy = bucketPolicy,
            IdentityPolicies = [WellKnownPolicies.AdministratorAccess],
        };

        Assert.Equal(expected, Decide(request));
    }

    [Fact]
    public void ResourcePolicy_NamingTheRole_GrantsItsSessionsButTheSessionPolicyStillCaps()
    {
        var bucketPolicy = NamedPolicy.Parse("bucket", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/team/Ops"},"Action":"s3:*","Resource":"*"}}""", PolicyDocumentKind.Resource);
        var request = new AuthorizationRequest(Session, "s3:PutObject", "arn:aws:s3:::reports/x") { ResourcePolicy = bucketPolicy };

        var unrestricted = Decide(request);
        var capped = Decide(request with { SessionPolicies = [Allow("s3:Get*")] });

        Assert.Equal((AuthorizationDecision.Allow, AuthorizationDecision.ImplicitDeny), (unrestricted, capped));
    }
}
