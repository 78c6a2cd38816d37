using System.Text.Json;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Identification.Tests.Support;

namespace CredIr.Identification.Tests.Resolution;

/// <summary>Identify against the sandbox's single-account-key-leak scenario, over real HTTP.</summary>
public sealed class SandboxIdentifyTests(SandboxIdentification fixture) : IClassFixture<SandboxIdentification>
{
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";

    private static Scope UsEast1 => new() { Regions = { "us-east-1" } };

    private Task<IdentifyResponse> IdentifyAsync(IdentificationInput input, Action<IdentifyRequest>? configure = null)
    {
        var request = new IdentifyRequest { Input = input, Scope = UsEast1 };
        configure?.Invoke(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return fixture.Service.IdentifyAsync(request, new CallOptions(cancellationToken: timeout.Token)).ResponseAsync;
    }

    private DateTimeOffset Now => fixture.Sandbox.Clock.GetUtcNow();

    [Fact]
    public async Task LeakedUserKey_ResolvesOwnerAndProposesTheActorsFirstCall()
    {
        var response = await IdentifyAsync(new IdentificationInput { AccessKeyId = LeakedKey });

        var credential = Assert.Single(response.Credentials);
        Assert.Equal(CredentialKind.AccessKey, credential.Kind);
        Assert.Equal($"arn:aws:iam::{fixture.AccountId}:user/ci-deployer", credential.PrincipalArn);
        Assert.Equal("ci-deployer", credential.UserName);
        Assert.Equal(fixture.AccountId, credential.AccountId);
        Assert.Equal("Active", credential.Status);
        Assert.InRange(credential.CreatedAt.ToDateTimeOffset(), Now.AddDays(-181), Now.AddDays(-179));
        Assert.Equal([fixture.AccountId], response.AccountIds);

        // ci-deployer was idle for the whole lookback before the actor's first call from 203.0.113.50 (ground truth: -2h40m).
        Assert.Equal(CompromiseTimeBasis.FirstSuspiciousUse, response.CompromiseWindow.Basis);
        Assert.InRange(response.CompromiseWindow.Start.ToDateTimeOffset(), Now.AddMinutes(-161), Now.AddMinutes(-159));
        Assert.Contains("203.0.113.50", response.SuspiciousSourceIps);
        Assert.Equal(response.CompromiseWindow.Start, credential.ScanFrom);
        var support = Assert.Single(response.CompromiseWindow.EvidenceIds);
        var item = Assert.Single(response.Evidence, e => e.EvidenceId == support);
        Assert.Contains("GetCallerIdentity", item.Summary, StringComparison.Ordinal);
        Assert.Contains(response.Evidence, e => e.Source == "sts:GetAccessKeyInfo" && e.Summary.Contains(fixture.AccountId, StringComparison.Ordinal));
    }

    // A responder without cloudtrail:LookupEvents: the key is still resolved (enough to contain it), and the trail
    // it could not read is a gap naming the account, the region and AWS's error, not a refusal.
    [Fact]
    public async Task CloudTrailDenied_KeyStillResolved_GapNamesTheAccountRegionAndError()
    {
        fixture.Sandbox.Faults.Set("cloudtrail", new CredIr.Sandbox.FaultOptions { AccessDeniedRate = 1 });
        IdentifyResponse response;
        try
        {
            response = await IdentifyAsync(new IdentificationInput { AccessKeyId = LeakedKey });
        }
        finally
        {
            fixture.Sandbox.Faults.Clear("cloudtrail");
        }

        var credential = Assert.Single(response.Credentials);
        Assert.Equal(("ci-deployer", "Active"), (credential.UserName, credential.Status));
        var gap = Assert.Single(response.Gaps);
        Assert.Equal((fixture.AccountId, "us-east-1", "AccessDeniedException"), (gap.AccountId, gap.Region, gap.ErrorCode));
        Assert.Equal(CompromiseTimeBasis.Fallback, response.CompromiseWindow.Basis);
        Assert.Equal(credential.CreatedAt, response.CompromiseWindow.Start);
        Assert.Contains("CloudTrail not read in 1 account-region(s)", response.CompromiseWindow.Explanation, StringComparison.Ordinal);
    }

    // Containment first: the coordinator's first call resolves a long-term key from IAM alone, reading no trail.
    [Fact]
    public async Task DeferTrail_LongTermKey_ResolvedWithoutReadingCloudTrail()
    {
        var before = fixture.Sandbox.Trail.All().Count(e => e.EventName == "LookupEvents");

        var response = await IdentifyAsync(new IdentificationInput { AccessKeyId = LeakedKey }, r => r.DeferTrail = true);

        Assert.Equal("ci-deployer", Assert.Single(response.Credentials).UserName);
        Assert.Equal("Deferred", Assert.Single(response.Gaps).ErrorCode);
        Assert.Equal(before, fixture.Sandbox.Trail.All().Count(e => e.EventName == "LookupEvents"));
    }

    [Fact]
    public async Task AllRegions_ReadsEveryRegionEnabledInTheKeysAccount()
    {
        var response = await IdentifyAsync(new IdentificationInput { AccessKeyId = LeakedKey }, r => r.Scope = new Scope { AllRegions = true });

        var lookup = Assert.Single(response.Evidence, e => e.Source == "cloudtrail:LookupEvents");
        Assert.Contains(string.Join(", ", fixture.Sandbox.Regions.Order(StringComparer.Ordinal)), lookup.Summary, StringComparison.Ordinal);
        Assert.Equal(CompromiseTimeBasis.FirstSuspiciousUse, response.CompromiseWindow.Basis);
    }

    [Fact]
    public async Task ScenarioGuardDutyFinding_UsesEventFirstSeenAndResolvesTheKey()
    {
        var finding = await ScenarioFindingAsync();

        var response = await IdentifyAsync(new IdentificationInput { FindingJson = finding.RawJson }, r => r.TicketReference = "INC-1234");

        Assert.Equal(InputKind.GuarddutyFinding, response.InputKind);
        Assert.Equal("Discovery:IAMUser/AnomalousBehavior", response.FindingType);
        Assert.Equal(CompromiseTimeBasis.Finding, response.CompromiseWindow.Basis);
        Assert.Equal(finding.EventFirstSeen, response.CompromiseWindow.Start.ToDateTimeOffset());
        Assert.StartsWith("GuardDuty service.eventFirstSeen", response.CompromiseWindow.Explanation, StringComparison.Ordinal);
        var credential = Assert.Single(response.Credentials);
        Assert.Equal(LeakedKey, credential.AccessKeyId);
        Assert.Equal($"arn:aws:iam::{fixture.AccountId}:user/ci-deployer", credential.PrincipalArn);
        Assert.Contains(response.Evidence, e => e.Source == "guardduty-finding");
        Assert.Contains(response.Evidence, e => e.Source == "responder:ticket" && e.Summary == "ticket INC-1234");
    }

    [Fact]
    public async Task RoleSessionKey_ResolvesRoleSessionAndTheAssumeRoleThatIssuedIt()
    {
        var roleName = "identify-test-role-" + Guid.NewGuid().ToString("N")[..8];
        var trust = JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = new[] { new { Effect = "Allow", Principal = new { AWS = $"arn:aws:iam::{fixture.AccountId}:root" }, Action = "sts:AssumeRole" } },
        });
        var role = await fixture.Admin.Iam.CreateRoleAsync(new CreateRoleRequest(roleName, trust));
        var assumed = await fixture.Admin.Sts.AssumeRoleAsync(new AssumeRoleRequest(role.Role.Arn, "stolen-session"));
        var session = fixture.Admin.Runtime.CreateScope(assumed.Credentials.ToAwsCredentials(), "us-east-1");
        await session.Sts.GetCallerIdentityAsync();

        var response = await IdentifyAsync(new IdentificationInput { AccessKeyId = assumed.Credentials.AccessKeyId });

        var credential = Assert.Single(response.Credentials);
        Assert.Equal(CredentialKind.RoleSession, credential.Kind);
        Assert.Equal($"arn:aws:sts::{fixture.AccountId}:assumed-role/{roleName}/stolen-session", credential.PrincipalArn);
        Assert.Equal(roleName, credential.RoleName);
        Assert.Equal("stolen-session", credential.SessionName);
        Assert.Equal("AssumeRole", credential.Provenance.CreatedByEventName);
        Assert.NotEmpty(credential.Provenance.CreatedByEventId);
        Assert.Equal(assumed.Credentials.Expiration.ToUnixTimeSeconds(), credential.ExpiresAt?.ToDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains(credential.Related, r => r.StartsWith($"role {role.Role.Arn}", StringComparison.Ordinal));
        Assert.DoesNotContain(response.Evidence, e => e.RawJson.Contains(assumed.Credentials.SessionToken, StringComparison.Ordinal));
        Assert.DoesNotContain(response.Evidence, e => e.RawJson.Contains(assumed.Credentials.SecretAccessKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersistenceUserArn_GivesItsKeyAndConsolePassword()
    {
        var response = await IdentifyAsync(new IdentificationInput { PrincipalArn = $"arn:aws:iam::{fixture.AccountId}:user/backup-svc" });

        Assert.Equal(InputKind.PrincipalArn, response.InputKind);
        Assert.Contains(response.Credentials, c => c.Kind == CredentialKind.AccessKey && c.AccessKeyId == "AKIA5BACKUPSVCPERSI7");
        var login = Assert.Single(response.Credentials, c => c.Kind == CredentialKind.LoginProfile);
        Assert.Equal("backup-svc", login.UserName);
        Assert.Contains(login.Related, r => r.StartsWith("access key AKIA5BACKUPSVCPERSI7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedKey_IsInvalidArgumentNamingTheField()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => IdentifyAsync(new IdentificationInput { AccessKeyId = "AKIA-not-a-key" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("access_key_id: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaselineDaysOutOfRange_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => IdentifyAsync(new IdentificationInput { AccessKeyId = LeakedKey }, r => r.BaselineDays = 400));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("baseline_days: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponderTime_OverridesTheProposal()
    {
        var chosen = Now.AddHours(-5);

        var response = await IdentifyAsync(new IdentificationInput { AccessKeyId = LeakedKey }, r => r.CompromiseTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(chosen));

        Assert.Equal(CompromiseTimeBasis.Responder, response.CompromiseWindow.Basis);
        Assert.Equal(chosen, response.CompromiseWindow.Start.ToDateTimeOffset());
    }

    [Fact]
    public async Task FindStakeholders_ForAnAccount_ComesFromTheCmdbWithTheChecklist()
    {
        var response = await fixture.Service.FindStakeholdersAsync(new FindStakeholdersRequest { AccountIds = { "111111111111" } }, new CallOptions(cancellationToken: CancellationToken.None));

        Assert.Equal(["payments"], response.Applications);
        Assert.Contains(response.Stakeholders, s => s.Kind == StakeholderKind.Legal);
        Assert.Contains(response.Communications, c => c.ItemId == "comms/war-room");
    }

    [Fact]
    public async Task Notify_WithoutRequestId_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Service.NotifyAsync(new NotifyRequest { Subject = "x" }, new CallOptions(cancellationToken: CancellationToken.None)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<CredIr.Aws.GuardDutyFinding> ScenarioFindingAsync()
    {
        var guardDuty = fixture.Admin.GuardDuty;
        await foreach (var detector in guardDuty.ListDetectorsAsync())
        {
            await foreach (var id in guardDuty.ListFindingsAsync(new ListFindingsRequest(detector)))
            {
                var findings = await guardDuty.GetFindingsAsync(new GetFindingsRequest(detector, [id]));
                return Assert.Single(findings.Findings);
            }
        }

        throw new InvalidOperationException("the scenario's GuardDuty finding was not served by the sandbox");
    }
}
