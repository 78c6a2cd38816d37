using CredIr.Sandbox.Iam.Policies;
using static CredIr.Sandbox.Tests.Policies.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class TrustPolicyTests
{
    private const string RoleArn = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole";

    private static PolicyDocument Trust(string principal, string condition = "") => PolicyDocument.Parse(
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Trust","Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}""",
        PolicyDocumentKind.Trust);

    private static AuthorizationResult AssumeRole(
        PolicyDocument trust, RequestPrincipal caller, RequestContext? context = null, params NamedPolicy[] callerPolicies) =>
        PolicyEvaluator.EvaluateAssumeRole(new AuthorizationRequest(caller, "sts:AssumeRole", RoleArn)
        {
            ResourcePolicy = new NamedPolicy("trust", trust),
            IdentityPolicies = callerPolicies,
            Context = context ?? RequestContext.Empty,
        });

    [Fact]
    public void AccountRootPrincipal_TrustsAUserOfThatAccountWhoseIdentityPolicyAllows()
    {
        var mgmtUser = RequestPrincipal.User(OtherAccount, "responder");
        var trust = Trust("""{"AWS":"arn:aws:iam::444455556666:root"}""");

        var result = AssumeRole(trust, mgmtUser, null, Allow("sts:AssumeRole", "arn:aws:iam::*:role/OrganizationAccountAccessRole"));

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.Allow, PolicyType.IdentityBased, "allow", "Grant"), result);
    }

    [Fact]
    public void AccountRootPrincipal_RefusesAUserWithoutAnIdentityPolicy()
    {
        var trust = Trust("""{"AWS":"444455556666"}""");

        var check = TrustPolicyEvaluator.Evaluate(trust, RequestPrincipal.User(OtherAccount, "intern"), "sts:AssumeRole", RoleArn, RequestContext.Empty);
        var result = AssumeRole(trust, RequestPrincipal.User(OtherAccount, "intern"));

        Assert.Equal(new TrustResult(AuthorizationDecision.Allow, IdentityPolicyRequired: true, "Trust"), check);
        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.IdentityBased), result);
    }

    [Fact]
    public void AccountRootPrincipal_RefusesAnotherAccount()
    {
        var trust = Trust("""{"AWS":"arn:aws:iam::444455556666:root"}""");
        var stranger = RequestPrincipal.User("777788889999", "mallory");

        var result = AssumeRole(trust, stranger, null, WellKnownPolicies.AdministratorAccess);

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.TrustPolicy), result);
    }

    [Fact]
    public void SpecificRoleArn_TrustsSessionsOfThatRoleOnly()
    {
        var trust = Trust("""{"AWS":"arn:aws:iam::111122223333:role/team/Ops"}""");
        var otherRoleSession = RequestPrincipal.AssumedRole(Account, "Dev", "s");

        var trusted = TrustPolicyEvaluator.Evaluate(trust, Session, "sts:AssumeRole", RoleArn, RequestContext.Empty);
        var refused = TrustPolicyEvaluator.Evaluate(trust, otherRoleSession, "sts:AssumeRole", RoleArn, RequestContext.Empty);

        // Same account and named specifically: the trust policy suffices without an identity policy.
        Assert.Equal(new TrustResult(AuthorizationDecision.Allow, false, "Trust"), trusted);
        Assert.Equal(AuthorizationDecision.ImplicitDeny, refused.Decision);
        Assert.Equal(AuthorizationDecision.Allow, AssumeRole(trust, Session).Decision);
    }

    [Fact]
    public void SpecificUserArn_InTheSameAccount_NeedsNoIdentityPolicyButExplicitDenyStillApplies()
    {
        var trust = Trust("""{"AWS":["arn:aws:iam::111122223333:user/alice"]}""");

        var allowed = AssumeRole(trust, Alice);
        var denied = AssumeRole(trust, Alice, null, new NamedPolicy("CredIrDenyAll", WellKnownPolicies.DenyAll));

        Assert.Equal(AuthorizationDecision.Allow, allowed.Decision);
        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.IdentityBased, "CredIrDenyAll", "DenyAll"), denied);
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", AuthorizationDecision.Allow)]
    [InlineData("lambda.amazonaws.com", AuthorizationDecision.ImplicitDeny)]
    public void ServicePrincipal_IsTrustedByName(string service, AuthorizationDecision expected)
    {
        var trust = Trust("""{"Service":"ec2.amazonaws.com"}""");

        Assert.Equal(expected, AssumeRole(trust, RequestPrincipal.Service(service)).Decision);
    }

    [Theory]
    [InlineData("Zebra-7", AuthorizationDecision.Allow)]
    [InlineData("zebra-7", AuthorizationDecision.ImplicitDeny)]
    [InlineData(null, AuthorizationDecision.ImplicitDeny)]
    public void ExternalIdCondition_MustMatchExactly(string? externalId, AuthorizationDecision expected)
    {
        var trust = Trust("""{"AWS":"arn:aws:iam::444455556666:root"}""", ""","Condition":{"StringEquals":{"sts:ExternalId":"Zebra-7"}}""");
        var context = new RequestContextBuilder();
        if (externalId is not null)
        {
            context.Set(ContextKeys.ExternalId, externalId);
        }

        var result = AssumeRole(trust, RequestPrincipal.User(OtherAccount, "vendor"), context.Build(), Allow("sts:AssumeRole"));

        Assert.Equal(expected, result.Decision);
    }

    [Theory]
    [InlineData(true, AuthorizationDecision.Allow)]
    [InlineData(false, AuthorizationDecision.ImplicitDeny)]
    public void MfaCondition_RequiresMultiFactorAuth(bool mfa, AuthorizationDecision expected)
    {
        var trust = Trust("\"*\"", ""","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},"StringLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/*"}}""");
        var context = new RequestContextBuilder().SetPrincipal(Alice).SetBool(ContextKeys.MultiFactorAuthPresent, mfa).Build();

        Assert.Equal(expected, AssumeRole(trust, Alice, context).Decision);
    }

    [Fact]
    public void TrustPolicyDeny_RefusesEvenANamedPrincipal()
    {
        var trust = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"},{"Sid":"Locked","Effect":"Deny","Principal":"*","Action":"sts:*"}]}""",
            PolicyDocumentKind.Trust);

        var result = AssumeRole(trust, Alice, null, WellKnownPolicies.AdministratorAccess);

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.TrustPolicy, "trust", "Locked"), result);
    }

    [Fact]
    public void TrustForAssumeRole_DoesNotCoverTagSession()
    {
        var trust = Trust("""{"AWS":"111122223333"}""");

        var result = TrustPolicyEvaluator.Evaluate(trust, Alice, "sts:TagSession", RoleArn, RequestContext.Empty);

        Assert.Equal(AuthorizationDecision.ImplicitDeny, result.Decision);
    }

    [Fact]
    public void WebIdentityProvider_IsTrustedThroughFederated()
    {
        var trust = PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}}""",
            PolicyDocumentKind.Trust);
        var github = new RequestPrincipal("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", Account, PrincipalType.WebIdentity);
        var context = new RequestContextBuilder().Set("token.actions.githubusercontent.com:sub", "repo:acme/deploy:ref:refs/heads/main").Build();

        var result = TrustPolicyEvaluator.Evaluate(trust, github, "sts:AssumeRoleWithWebIdentity", RoleArn, context);

        Assert.Equal(new TrustResult(AuthorizationDecision.Allow, false, null), result);
    }
}
