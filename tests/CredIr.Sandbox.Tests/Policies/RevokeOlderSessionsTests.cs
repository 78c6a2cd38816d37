using CredIr.Sandbox.Iam.Policies;
using static CredIr.Sandbox.Tests.Policies.Policies;

namespace CredIr.Sandbox.Tests.Policies;

public sealed class RevokeOlderSessionsTests
{
    private static readonly DateTimeOffset RevokedAt = new(2026, 11, 22, 23, 0, 0, TimeSpan.Zero);

    private static AuthorizationResult CallWithSessionIssuedAt(DateTimeOffset? issued)
    {
        var context = new RequestContextBuilder().SetPrincipal(Session).SetTime(RevokedAt.AddMinutes(5));
        if (issued is { } time)
        {
            context.SetDate(ContextKeys.TokenIssueTime, time);
        }

        var request = new AuthorizationRequest(Session, "iam:CreateUser", "arn:aws:iam::111122223333:user/backdoor")
        {
            Context = context.Build(),
            IdentityPolicies = [WellKnownPolicies.AdministratorAccess, WellKnownPolicies.RevokeOlderSessions(RevokedAt)],
        };
        return PolicyEvaluator.Evaluate(request);
    }

    [Fact]
    public void SessionIssuedBeforeRevocation_IsExplicitlyDenied()
    {
        var result = CallWithSessionIssuedAt(RevokedAt.AddHours(-2));

        Assert.Equal(new AuthorizationResult(AuthorizationDecision.ExplicitDeny, PolicyType.IdentityBased, "AWSRevokeOlderSessions", null), result);
    }

    [Fact]
    public void SessionIssuedOneMillisecondBeforeRevocation_IsDenied()
    {
        Assert.Equal(AuthorizationDecision.ExplicitDeny, CallWithSessionIssuedAt(RevokedAt.AddMilliseconds(-1)).Decision);
    }

    [Fact]
    public void SessionIssuedAfterRevocation_IsAllowed()
    {
        Assert.Equal(AuthorizationDecision.Allow, CallWithSessionIssuedAt(RevokedAt.AddSeconds(1)).Decision);
    }

    [Fact]
    public void LongTermKeyWithoutTokenIssueTime_IsNotAffected()
    {
        Assert.Equal(AuthorizationDecision.Allow, CallWithSessionIssuedAt(null).Decision);
    }

    [Fact]
    public void Document_HasTheShapeTheConsoleWrites()
    {
        var json = WellKnownPolicies.RevokeOlderSessionsJson(RevokedAt);

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"2026-11-22T23:00:00.000Z"}}}]}""",
            json);
    }
}
