using CredIr.Sandbox.Iam.Policies;
using static CredIr.Sandbox.Tests.Policies.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class WildcardMatchingTests
{
    [Theory]
    [InlineData("*", "iam:CreateUser", true)]
    [InlineData("iam:*", "iam:CreateUser", true)]
    [InlineData("iam:Create*", "iam:CreateUser", true)]
    [InlineData("iam:Create*", "iam:DeleteUser", false)]
    [InlineData("IAM:createuser", "iam:CreateUser", true)]
    [InlineData("iam:CreateUser", "IAM:CREATEUSER", true)]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("s3:Get*", "s3x:GetObject", false)]
    [InlineData("ec2:Describe?nstances", "ec2:DescribeInstances", true)]
    [InlineData("ec2:Describe?nstances", "ec2:DescribeInstance", false)]
    [InlineData("*:List*", "organizations:ListAccounts", true)]
    [InlineData("iam:*User", "iam:CreateUserPolicy", false)]
    [InlineData("iam:*User*", "iam:CreateUserPolicy", true)]
    [InlineData("sts:AssumeRole", "sts:AssumeRoleWithSAML", false)]
    public void ActionPattern_IsCaseInsensitiveGlob(string pattern, string action, bool allowed)
    {
        var decision = Decide(Request(action, "*", Allow(pattern)));

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("*", "arn:aws:iam::111122223333:user/bob", true)]
    [InlineData("arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:user/bob", true)]
    [InlineData("arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:user/team/bob", true)]
    [InlineData("arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:role/bob", false)]
    [InlineData("arn:aws:iam::*:user/bob", "arn:aws:iam::444455556666:user/bob", true)]
    [InlineData("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/bob", false)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt", true)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false)]
    [InlineData("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket-logs", true)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc", true)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc", false)]
    [InlineData("arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", true)]
    [InlineData("arn:aws:ec2:us-east-?:*:instance/*", "arn:aws:ec2:us-east-10:111122223333:instance/i-1", false)]
    [InlineData("arn:aws:lambda:*:*:function:*", "arn:aws:lambda:us-east-1:111122223333:function:f:1", true)]
    [InlineData("arn:aws:*", "arn:aws:lambda:us-east-1:111122223333:function:f", true)]
    // A wildcard in one part does not spill into the next: "*" as the region cannot cover region and account.
    [InlineData("arn:aws:ec2:*:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", false)]
    public void ResourcePattern_MatchesArnPartsCaseSensitively(string pattern, string resource, bool allowed)
    {
        // The resource's account is pinned so that only the pattern decides, not the cross-account rule.
        var request = Request("iam:GetUser", resource, Allow("iam:GetUser", pattern)) with { ResourceAccountId = Account };

        var decision = Decide(request);

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("iam:DeleteUser", true)]
    [InlineData("iam:CreateUser", false)]
    [InlineData("s3:GetObject", false)]
    public void NotAction_AllowsEverythingExceptTheListedActions(string action, bool allowed)
    {
        var policy = Identity("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["iam:Create*","s3:*"],"Resource":"*"}}""");

        var decision = Decide(Request(action, "*", policy));

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/bob", AuthorizationDecision.ExplicitDeny)]
    [InlineData("arn:aws:iam::111122223333:user/admin", AuthorizationDecision.Allow)]
    public void NotResource_DeniesEverywhereButTheListedResource(string resource, AuthorizationDecision expected)
    {
        var deny = Identity("""{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"iam:*","NotResource":"arn:aws:iam::111122223333:user/admin"}}""", "deny");

        var decision = Decide(Request("iam:DeleteUser", resource, WellKnownPolicies.AdministratorAccess, deny));

        Assert.Equal(expected, decision);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice", true)]
    [InlineData("arn:aws:iam::111122223333:user/bob", false)]
    public void UsernameVariable_LimitsAUserToItself(string resource, bool allowed)
    {
        var policy = Identity("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}"}}""");
        var context = new RequestContextBuilder().SetPrincipal(Alice, "AIDAEXAMPLEALICE").Build();

        var decision = Decide(Request("iam:CreateAccessKey", resource, policy) with { Context = context });

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Fact]
    public void UseridVariable_AbsentFromContext_MatchesNothing()
    {
        var policy = Identity("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:userid}/*"}}""");

        var decision = Decide(Request("s3:GetObject", "arn:aws:s3:::home/${aws:userid}/notes", policy));

        Assert.Equal(AuthorizationDecision.ImplicitDeny, decision);
    }

    [Fact]
    public void Variable_WithDefault_UsesTheDefaultWhenTheKeyIsAbsent()
    {
        var policy = Identity("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:userid, 'shared'}/*"}}""");

        var decision = Decide(Request("s3:GetObject", "arn:aws:s3:::home/shared/notes", policy));

        Assert.Equal(AuthorizationDecision.Allow, decision);
    }

    [Fact]
    public void Variable_InA2008Policy_IsLiteralText()
    {
        var policy = Identity("""{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::111122223333:user/${aws:username}"}}""");
        var context = new RequestContextBuilder().SetPrincipal(Alice).Build();

        var literal = Decide(Request("iam:GetUser", "arn:aws:iam::111122223333:user/${aws:username}", policy) with { Context = context });
        var substituted = Decide(Request("iam:GetUser", "arn:aws:iam::111122223333:user/alice", policy) with { Context = context });

        Assert.Equal((AuthorizationDecision.Allow, AuthorizationDecision.ImplicitDeny), (literal, substituted));
    }
}
