using CredIr.Sandbox.Iam.Policies;
using static CredIr.Sandbox.Tests.Policies.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class ConditionOperatorTests
{
    /// <summary>
    /// One operator, one key: <paramref name="policyValues"/> is the JSON value in the policy,
    /// <paramref name="contextValues"/> the request's values separated by '|', or null when the key is absent.
    /// </summary>
    [Theory]
    [InlineData("StringEquals", "aws:RequestedRegion", "\"eu-west-1\"", "eu-west-1", true)]
    [InlineData("StringEquals", "aws:RequestedRegion", "\"eu-west-1\"", "EU-WEST-1", false)]
    [InlineData("StringEquals", "aws:RequestedRegion", "[\"us-east-1\",\"eu-west-1\"]", "eu-west-1", true)]
    [InlineData("StringEquals", "aws:RequestedRegion", "\"eu-west-1\"", null, false)]
    [InlineData("StringNotEquals", "aws:RequestedRegion", "[\"us-east-1\",\"eu-west-1\"]", "ap-south-1", true)]
    [InlineData("StringNotEquals", "aws:RequestedRegion", "[\"us-east-1\",\"eu-west-1\"]", "us-east-1", false)]
    [InlineData("StringNotEquals", "aws:RequestedRegion", "\"us-east-1\"", null, true)]
    [InlineData("StringEqualsIgnoreCase", "aws:RequestedRegion", "\"EU-West-1\"", "eu-west-1", true)]
    [InlineData("StringNotEqualsIgnoreCase", "aws:RequestedRegion", "\"EU-West-1\"", "eu-west-1", false)]
    [InlineData("StringLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/Ops*\"", "arn:aws:iam::111122223333:role/OpsAdmin", true)]
    [InlineData("StringLike", "aws:UserAgent", "\"aws-cli/?.*\"", "aws-cli/2.15.0 Python/3.11", true)]
    [InlineData("StringLike", "aws:UserAgent", "\"aws-cli/?.*\"", "Boto3/1.26", false)]
    [InlineData("StringNotLike", "aws:UserAgent", "\"aws-cli/*\"", "Boto3/1.26", true)]
    [InlineData("StringNotLike", "aws:UserAgent", "\"aws-cli/*\"", "aws-cli/2.15.0", false)]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "3600", "120", true)]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "\"3600\"", "3600", false)]
    [InlineData("NumericLessThanEquals", "aws:MultiFactorAuthAge", "3600", "3600", true)]
    [InlineData("NumericGreaterThan", "aws:MultiFactorAuthAge", "3600", "3601", true)]
    [InlineData("NumericGreaterThanEquals", "aws:MultiFactorAuthAge", "3600", "3599", false)]
    [InlineData("NumericEquals", "aws:MultiFactorAuthAge", "10", "10.0", true)]
    [InlineData("NumericNotEquals", "aws:MultiFactorAuthAge", "10", "11", true)]
    [InlineData("NumericEquals", "aws:MultiFactorAuthAge", "10", "ten", false)]
    [InlineData("DateLessThan", "aws:CurrentTime", "\"2026-11-22T12:00:00Z\"", "2026-11-22T11:59:59Z", true)]
    [InlineData("DateLessThan", "aws:CurrentTime", "\"2026-11-22T12:00:00Z\"", "2026-11-22T12:00:00Z", false)]
    [InlineData("DateLessThanEquals", "aws:CurrentTime", "\"2026-11-22T12:00:00Z\"", "2026-11-22T12:00:00Z", true)]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "\"2026-11-22T12:00:00Z\"", "2026-11-22T12:00:00.001Z", true)]
    [InlineData("DateGreaterThanEquals", "aws:CurrentTime", "\"2026-11-22T12:00:00Z\"", "2026-11-22T11:00:00Z", false)]
    [InlineData("DateEquals", "aws:CurrentTime", "\"2026-11-22T14:00:00+02:00\"", "2026-11-22T12:00:00Z", true)]
    [InlineData("DateNotEquals", "aws:CurrentTime", "\"2026-11-22T12:00:00Z\"", "2026-11-22T12:00:01Z", true)]
    // Epoch seconds on either side: 1795867200 is 2026-11-28T12:00:00Z.
    [InlineData("DateGreaterThan", "aws:EpochTime", "\"2026-11-28T11:59:59Z\"", "1795867200", true)]
    [InlineData("DateLessThan", "aws:CurrentTime", "1795867200", "2026-11-28T11:59:59Z", true)]
    [InlineData("DateLessThan", "aws:CurrentTime", "1795867200", "2026-11-28T12:00:00Z", false)]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "\"true\"", "true", true)]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "true", "TRUE", true)]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "\"true\"", "false", false)]
    [InlineData("Bool", "aws:MultiFactorAuthPresent", "\"false\"", null, false)]
    [InlineData("BoolIfExists", "aws:MultiFactorAuthPresent", "\"false\"", null, true)]
    [InlineData("BoolIfExists", "aws:MultiFactorAuthPresent", "\"false\"", "true", false)]
    [InlineData("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "203.0.113.77", true)]
    [InlineData("IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "203.0.114.1", false)]
    [InlineData("IpAddress", "aws:SourceIp", "\"203.0.113.7\"", "203.0.113.7", true)]
    [InlineData("IpAddress", "aws:SourceIp", "\"10.0.0.0/8\"", "::ffff:10.1.2.3", true)]
    [InlineData("IpAddress", "aws:SourceIp", "[\"198.51.100.0/24\",\"2001:db8::/32\"]", "2001:db8:85a3::8a2e:370:7334", true)]
    [InlineData("IpAddress", "aws:SourceIp", "\"2001:db8::/32\"", "2001:db9::1", false)]
    [InlineData("IpAddress", "aws:SourceIp", "\"2001:db8::/32\"", "192.0.2.1", false)]
    [InlineData("IpAddress", "aws:SourceIp", "\"192.0.2.0/25\"", "192.0.2.127", true)]
    [InlineData("IpAddress", "aws:SourceIp", "\"192.0.2.0/25\"", "192.0.2.128", false)]
    [InlineData("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "198.51.100.9", true)]
    [InlineData("NotIpAddress", "aws:SourceIp", "\"203.0.113.0/24\"", "203.0.113.9", false)]
    [InlineData("ArnEquals", "aws:PrincipalArn", "\"arn:aws:iam::111122223333:role/Ops\"", "arn:aws:iam::111122223333:role/Ops", true)]
    [InlineData("ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/Ops*\"", "arn:aws:iam::111122223333:role/OpsAdmin", true)]
    [InlineData("ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/ops*\"", "arn:aws:iam::111122223333:role/OpsAdmin", false)]
    [InlineData("ArnNotLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/Ops*\"", "arn:aws:iam::111122223333:user/alice", true)]
    [InlineData("ArnNotLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/Ops*\"", null, true)]
    [InlineData("ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/Ops*\"", null, false)]
    [InlineData("Null", "aws:TokenIssueTime", "\"true\"", null, true)]
    [InlineData("Null", "aws:TokenIssueTime", "\"true\"", "2026-11-22T12:00:00Z", false)]
    [InlineData("Null", "aws:TokenIssueTime", "\"false\"", "2026-11-22T12:00:00Z", true)]
    [InlineData("Null", "aws:TokenIssueTime", "false", null, false)]
    [InlineData("StringEqualsIfExists", "aws:RequestedRegion", "\"eu-west-1\"", null, true)]
    [InlineData("StringEqualsIfExists", "aws:RequestedRegion", "\"eu-west-1\"", "us-east-1", false)]
    [InlineData("DateLessThanIfExists", "aws:TokenIssueTime", "\"2026-11-22T12:00:00Z\"", null, true)]
    [InlineData("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "team|owner", true)]
    [InlineData("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "team|cost", false)]
    [InlineData("ForAnyValue:StringEquals", "aws:TagKeys", "[\"env\",\"owner\"]", null, false)]
    [InlineData("ForAllValues:StringEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "env|owner", true)]
    [InlineData("ForAllValues:StringEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "env|cost", false)]
    [InlineData("ForAllValues:StringEquals", "aws:TagKeys", "[\"env\",\"owner\"]", null, true)]
    [InlineData("ForAllValues:StringLike", "aws:TagKeys", "\"app-*\"", "app-a|app-b", true)]
    [InlineData("ForAnyValue:StringNotEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "env|cost", true)]
    [InlineData("ForAllValues:StringNotEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "team|cost", true)]
    [InlineData("ForAllValues:StringNotEquals", "aws:TagKeys", "[\"env\",\"owner\"]", "team|env", false)]
    public void Operator_AgainstRequestValue_DecidesTheAllow(
        string op, string key, string policyValues, string? contextValues, bool allowed)
    {
        var policy = AllowWhen("{\"" + op + "\":{\"" + key + "\":" + policyValues + "}}");
        var context = new RequestContextBuilder();
        if (contextValues is not null)
        {
            context.Set(key, contextValues.Split('|'));
        }

        var decision = Decide(Request("ec2:RunInstances", "*", policy) with { Context = context.Build() });

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Fact]
    public void ConditionKey_IsMatchedCaseInsensitively()
    {
        var policy = AllowWhen("""{"IpAddress":{"AWS:SOURCEIP":"203.0.113.0/24"}}""");
        var context = new RequestContextBuilder().Set("aws:SourceIp", "203.0.113.5").Build();

        var decision = Decide(Request("s3:GetObject", "*", policy) with { Context = context });

        Assert.Equal(AuthorizationDecision.Allow, decision);
    }

    [Theory]
    [InlineData("203.0.113.5", true, true)]
    [InlineData("203.0.113.5", false, false)]
    [InlineData("198.51.100.5", true, false)]
    public void SeveralOperators_AreAnded(string sourceIp, bool mfa, bool allowed)
    {
        var policy = AllowWhen("""{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}""");
        var context = new RequestContextBuilder().Set(ContextKeys.SourceIp, sourceIp).SetBool(ContextKeys.MultiFactorAuthPresent, mfa).Build();

        var decision = Decide(Request("s3:GetObject", "*", policy) with { Context = context });

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("eu-west-1", "203.0.113.5", true)]
    [InlineData("eu-west-1", "198.51.100.5", false)]
    [InlineData("us-east-1", "203.0.113.5", false)]
    public void SeveralKeysUnderOneOperator_AreAnded(string region, string userAgentIp, bool allowed)
    {
        var policy = AllowWhen("""{"StringEquals":{"aws:RequestedRegion":"eu-west-1","aws:SourceVpce":"vpce-1"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""");
        var context = new RequestContextBuilder()
            .Set(ContextKeys.RequestedRegion, region).Set("aws:SourceVpce", "vpce-1").Set(ContextKeys.SourceIp, userAgentIp).Build();

        var decision = Decide(Request("s3:GetObject", "*", policy) with { Context = context });

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("bob", false)]
    public void PolicyVariable_InConditionValue_IsResolvedPerRequest(string tagOwner, bool allowed)
    {
        var policy = AllowWhen("""{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}""");
        var context = new RequestContextBuilder().SetPrincipal(Alice).Set("aws:ResourceTag/owner", tagOwner).Build();

        var decision = Decide(Request("ec2:TerminateInstances", "*", policy) with { Context = context });

        Assert.Equal(allowed ? AuthorizationDecision.Allow : AuthorizationDecision.ImplicitDeny, decision);
    }
}
