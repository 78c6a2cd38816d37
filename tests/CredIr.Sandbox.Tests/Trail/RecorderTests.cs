using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Trail;

public sealed class RecorderTests
{
    private static readonly string[] Fields =
    [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent",
        "requestParameters", "responseElements", "requestID", "eventID", "readOnly", "eventType", "managementEvent",
        "recipientAccountId", "eventCategory",
    ];

    [Fact]
    public async Task ScenarioHistory_EveryRecord_HasCloudTrailFields()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);

        var events = sandbox.Trail.All(sandbox.Accounts[0].AccountId);

        Assert.True(events.Count >= 15, $"expected the scenario's management events, got {events.Count}");
        foreach (var e in events)
        {
            var record = RecordJson.Of(e);
            Assert.All(Fields, f => Assert.True(record.TryGetProperty(f, out _), $"{e.EventName} lacks {f}"));
            Assert.Equal("AwsApiCall", record.Str("eventType"));
            Assert.Equal(sandbox.Accounts[0].AccountId, record.Str("recipientAccountId"));
            Assert.NotNull(record.Str("userIdentity", "type"));
            Assert.NotNull(record.Str("userIdentity", "arn"));
            Assert.Equal(e.AccessKeyId, record.Str("userIdentity", "accessKeyId"));
        }
    }

    [Fact]
    public async Task CreateAccessKey_Record_HoldsTheKeyIdButNoSecret()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);

        var created = sandbox.Trail.All(sandbox.Accounts[0].AccountId).Single(e => e.EventName == "CreateAccessKey");

        var record = RecordJson.Of(created);
        Assert.Equal("AKIA5BACKUPSVCPERSI7", record.Str("responseElements", "accessKey", "accessKeyId"));
        Assert.Null(record.Str("responseElements", "accessKey", "secretAccessKey"));
        Assert.Equal("AKIA4CIDEPLOYLEAKED5", created.AccessKeyId);
        Assert.Equal("203.0.113.50", record.Str("sourceIPAddress"));
        Assert.Equal("us-east-1", record.Str("awsRegion"));
        Assert.DoesNotContain(sandbox.Credentials("$create-key").SecretAccessKey, created.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateLoginProfile_Record_LeavesThePasswordOut()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);

        var created = sandbox.Trail.All(sandbox.Accounts[0].AccountId).Single(e => e.EventName == "CreateLoginProfile");

        Assert.Equal("backup-svc", RecordJson.Of(created).Str("requestParameters", "userName"));
        Assert.DoesNotContain("Sandbox-Only-Passw0rd!", created.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedCall_IsRecordedWithErrorCodeAndMessage()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);

        var probe = sandbox.Trail.All(sandbox.Accounts[0].AccountId).Single(e => e.EventName == "GetUser" && e.AccessKeyId == "AKIA4CIDEPLOYLEAKED5");

        var record = RecordJson.Of(probe);
        Assert.Equal("NoSuchEntity", record.Str("errorCode"));
        Assert.Equal("The user with name root-admin cannot be found.", record.Str("errorMessage"));
        Assert.Equal(JsonValueKind.Null, record.GetProperty("responseElements").ValueKind);
    }

    [Fact]
    public async Task AssumeRole_AcrossAccounts_RecordedInBothWithKeyIdAndExpirationOnly()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var (management, prod) = (sandbox.Accounts[0].AccountId, sandbox.Accounts[1].AccountId);

        var inManagement = sandbox.Trail.All(management).Single(e => e.EventName == "AssumeRole" && e.Json.Contains("ASIA7MAINTPRODSESS01", StringComparison.Ordinal));
        var inProd = sandbox.Trail.All(prod).Single(e => e.EventName == "AssumeRole" && e.Json.Contains("ASIA7MAINTPRODSESS01", StringComparison.Ordinal));

        var record = RecordJson.Of(inManagement);
        Assert.Equal("ASIA7MAINTPRODSESS01", record.Str("responseElements", "credentials", "accessKeyId"));
        Assert.NotNull(record.Str("responseElements", "credentials", "expiration"));
        Assert.Null(record.Str("responseElements", "credentials", "sessionToken"));
        Assert.Equal($"arn:aws:sts::{prod}:assumed-role/OrganizationAccountAccessRole/maint", record.Str("responseElements", "assumedRoleUser", "arn"));
        Assert.Equal(record.Str("sharedEventID"), RecordJson.Of(inProd).Str("sharedEventID"));
        Assert.Equal(prod, RecordJson.Of(inProd).Str("recipientAccountId"));
        Assert.Equal("AKIA6SVCMAINTPERSIS7", inProd.AccessKeyId);
    }

    [Fact]
    public async Task AssumedRoleCaller_Record_HasSessionIssuerAndAttributes()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var prod = sandbox.Accounts[1].AccountId;

        var changed = sandbox.Trail.All(prod).Single(e => e.EventName == "CreatePolicyVersion");

        var identity = RecordJson.Of(changed).GetProperty("userIdentity");
        Assert.Equal("AssumedRole", identity.Str("type"));
        Assert.Equal($"arn:aws:sts::{prod}:assumed-role/OrganizationAccountAccessRole/maint", identity.Str("arn"));
        Assert.Equal("ASIA7MAINTPRODSESS01", identity.Str("accessKeyId"));
        Assert.Equal("Role", identity.Str("sessionContext", "sessionIssuer", "type"));
        Assert.Equal($"arn:aws:iam::{prod}:role/OrganizationAccountAccessRole", identity.Str("sessionContext", "sessionIssuer", "arn"));
        Assert.Equal("false", identity.Str("sessionContext", "attributes", "mfaAuthenticated"));
        Assert.NotNull(identity.Str("sessionContext", "attributes", "creationDate"));
        Assert.Equal("maint", changed.Username);
    }

    [Fact]
    public async Task NoRecord_EverHoldsASecretKeyOrSessionToken()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var secrets = sandbox.Principals.SelectMany(p => p.AccessKeys).Select(k => k.SecretAccessKey)
            .Concat(sandbox.Accounts.Select(a => a.AdminSecretAccessKey))
            .Concat(new[] { "$maint-assume", "$carol-assume", "$prod-run-instance", "$leak-create-key" }
                .Select(sandbox.Credentials).SelectMany(c => new[] { c.SecretAccessKey, c.SessionToken }))
            .OfType<string>().ToList();

        var records = sandbox.Trail.All();

        Assert.True(secrets.Count > 10, "the scenario should expose its secrets to the test");
        Assert.All<RecordedEvent>(records, r => Assert.DoesNotContain(secrets, s => r.Json.Contains(s, StringComparison.Ordinal)));
    }
}
