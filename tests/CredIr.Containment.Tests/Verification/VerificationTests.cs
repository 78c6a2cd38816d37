using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Containment.Tests.Verification;

/// <summary>Watching CloudTrail after containment of the single-account-key-leak scenario's key, on the manual clock.</summary>
public sealed class VerificationTests : IAsyncLifetime
{
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(5);
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync("single-account-key-leak");

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ActorTriesAfterContainment_TheDeniedUseIsReported_VerdictAttemptsDenied()
    {
        var leaked = _h.Sandbox.Credentials("ci-deployer");
        var minted = await _h.As(leaked).Sts.GetSessionTokenAsync();
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        var containedAt = _h.Clock.GetUtcNow();
        await _h.ExecuteAsync(await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey, "ci-deployer")));
        var tried = false;

        var updates = await StreamDriver.DriveAsync(Verify(containedAt, Cred.Key(LeakedKey, "ci-deployer")), _h.Clock, Poll, async update =>
        {
            if (update.Progress is not null && !tried)
            {
                tried = true;
                _h.Clock.Advance(TimeSpan.FromSeconds(30));
                await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(_h.As(minted.Credentials).Iam.ListUsersAsync()));
                await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(_h.As(leaked).Iam.ListUsersAsync()));
            }
        });

        var use = Assert.Single(updates, u => u.Use is not null).Use;
        Assert.Equal("ListUsers", use.EventName);
        Assert.Equal("AccessDenied", use.ErrorCode);
        Assert.Equal(minted.Credentials.AccessKeyId, use.AccessKeyId);
        Assert.Equal("arn:aws:iam::111122223333:user/ci-deployer", use.PrincipalArn);
        var result = updates[^1].Result;
        Assert.Equal(VerificationVerdict.AttemptsDenied, result.Verdict);
        Assert.Equal((0, 1), (result.UsesAllowed, result.UsesDenied));
        Assert.True(updates.Count(u => u.Progress is not null) >= 3);
    }

    [Fact]
    public async Task NoUseAfterContainment_VerdictClean_AfterTheWindowAndDeliveryAllowance()
    {
        var containedAt = _h.Clock.GetUtcNow();
        await _h.ExecuteAsync(await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey)));

        var updates = await StreamDriver.DriveAsync(Verify(containedAt, Cred.Key(LeakedKey)), _h.Clock, Poll);

        Assert.DoesNotContain(updates, u => u.Use is not null || u.Gap is not null);
        Assert.Equal(VerificationVerdict.Clean, updates[^1].Result.Verdict);
        var lastChecked = updates.Last(u => u.Progress is not null).Progress.CheckedUntil.ToDateTimeOffset();
        Assert.True(lastChecked >= containedAt + TimeSpan.FromMinutes(30 + 10), $"checked until {lastChecked:O}");
    }

    [Fact]
    public async Task KeyStillWorking_EverySuccessfulUseIsReportedOnce_VerdictStillActive()
    {
        var containedAt = _h.Clock.GetUtcNow();
        var attacker = _h.As(_h.Sandbox.Credentials("ci-deployer"));
        var calls = 0;

        var updates = await StreamDriver.DriveAsync(Verify(containedAt, Cred.Key(LeakedKey)), _h.Clock, Poll, async update =>
        {
            if (update.Progress is not null && calls++ < 2)
            {
                _h.Clock.Advance(TimeSpan.FromSeconds(10));
                await attacker.Sts.GetCallerIdentityAsync();
            }
        });

        Assert.Equal(2, updates.Count(u => u.Use is { EventName: "GetCallerIdentity", ErrorCode: "" }));
        Assert.Equal(VerificationVerdict.StillActive, updates[^1].Result.Verdict);
        Assert.Equal(2, updates[^1].Result.UsesAllowed);
    }

    [Fact]
    public async Task AccountThatCannotBeEntered_IsReportedAsAGap_VerdictIncomplete()
    {
        var updates = await StreamDriver.DriveAsync(
            Verify(_h.Clock.GetUtcNow(), new Credential { AccessKeyId = "AKIA9OTHERACCOUNT001", Kind = CredentialKind.AccessKey, AccountId = "999999999999" }), _h.Clock, Poll);

        var gap = Assert.Single(updates, u => u.Gap is not null).Gap;
        Assert.Equal(("999999999999", "us-east-1"), (gap.AccountId, gap.Region));
        Assert.Equal("AccessDenied", gap.ErrorCode);
        Assert.Equal(VerificationVerdict.Incomplete, updates[^1].Result.Verdict);
    }

    [Fact]
    public async Task MissingContainmentTime_IsInvalidArgument()
    {
        var request = new VerifyContainmentRequest { Credentials = { Cred.Key(LeakedKey) } };

        var e = await Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(_h.Service.VerifyContainment(request, Harness.Context()).Responses()));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("contained_at", e.Status.Detail, StringComparison.Ordinal);
    }

    private IAsyncEnumerable<VerificationUpdate> Verify(DateTimeOffset containedAt, Credential credential) =>
        _h.Service.VerifyContainment(new VerifyContainmentRequest
        {
            IncidentId = "inc-1",
            Credentials = { credential },
            ContainedAt = Timestamp.FromDateTimeOffset(containedAt),
            PollInterval = Duration.FromTimeSpan(Poll),
            DeliveryDelay = Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
        }, Harness.Context()).Responses();
}
