using System.Text.Json;
using System.Text.RegularExpressions;
using CredIr.Reports.Tests.Fixtures;
using static CredIr.Reports.Tests.Fixtures.SampleEvents;

namespace CredIr.Reports.Tests;

public sealed partial class JsonReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private readonly JsonElement _root = JsonDocument.Parse(fixture.Json).RootElement;

    [Fact]
    public void Json_Header_CarriesSchemaVersionIncidentAndGenerationTime()
    {
        Assert.Equal("1.0", _root.GetProperty("schemaVersion").GetString());
        Assert.Equal("2026-11-21T12:00:00Z", _root.GetProperty("generatedAt").GetString());
        var incident = _root.GetProperty("incident");
        Assert.Equal("inc-2026-0042", incident.GetProperty("incidentId").GetString());
        Assert.Equal("high", incident.GetProperty("severity").GetString());
        Assert.Equal("recovered", incident.GetProperty("phase").GetString());
        Assert.Equal("SEC-1234", incident.GetProperty("ticketReference").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("closedAt").ValueKind);
    }

    [Fact]
    public void Json_EveryActorAction_IsThereFieldByField()
    {
        var actions = _root.GetProperty("timeline").GetProperty("actorActions").EnumerateArray().ToDictionary(a => a.GetProperty("eventId").GetString()!);

        foreach (var e in SampleEvents.All())
        {
            var a = actions[e.EventId];
            Assert.Equal(e.EventName, a.GetProperty("eventName").GetString());
            Assert.Equal(e.EventSource, a.GetProperty("eventSource").GetString());
            Assert.Equal(Iso(e.EventTime.ToDateTimeOffset()), a.GetProperty("at").GetString());
            Assert.Equal(e.AccessKeyId, a.GetProperty("accessKeyId").GetString());
            Assert.Equal(e.PrincipalArn, a.GetProperty("principalArn").GetString());
            Assert.Equal(e.AccountId, a.GetProperty("accountId").GetString());
            Assert.Equal(e.Region, a.GetProperty("region").GetString());
            Assert.Equal(e.SourceIpAddress, a.GetProperty("sourceIpAddress").GetString());
            Assert.Equal(e.UserAgent, a.GetProperty("userAgent").GetString());
            Assert.Equal(e.ErrorCode, a.GetProperty("errorCode").GetString());
            Assert.Equal(e.ReadOnly, a.GetProperty("readOnly").GetBoolean());
            Assert.Equal(e.Resources.Select(r => r.Arn), a.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("arn").GetString()));
            Assert.Equal(e.CreatedAccessKeyIds, a.GetProperty("createdAccessKeyIds").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal(e.MatchedRules, a.GetProperty("matchedRules").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal(e.EventId, a.GetProperty("raw").GetProperty("eventID").GetString());
            Assert.NotEmpty(a.GetProperty("categories").EnumerateArray());
        }

        Assert.Equal(["identity-persistence", "credential-access"], actions["e-05"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["uncategorized"], actions["e-11"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("payroll", actions["e-03"].GetProperty("resources")[0].GetProperty("tags").GetProperty("application").GetString());
    }

    [Fact]
    public void Json_EveryResponseStep_IsThereWithApproverStatusAndResult()
    {
        var actions = _root.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("stepId").GetString()!);
        var incident = fixture.Input.Incident;

        foreach (var step in incident.Plans.SelectMany(p => p.Steps).Concat(incident.RecoveryItems.SelectMany(r => r.Steps)))
        {
            var a = actions[step.StepId];
            Assert.Equal(step.Action, a.GetProperty("action").GetString());
            Assert.Equal(step.Target.Id, a.GetProperty("target").GetProperty("id").GetString());
            Assert.Equal(step.Description, a.GetProperty("description").GetString());
            Assert.False(string.IsNullOrEmpty(a.GetProperty("status").GetString()));
        }

        Assert.Equal("failed", actions["step-e3"].GetProperty("status").GetString());
        Assert.Equal(SampleIncident.FailedStepMessage, actions["step-e3"].GetProperty("result").GetString());
        Assert.Equal(SampleIncident.Approver, actions["step-e3"].GetProperty("approvedBy").GetString());
        Assert.Equal("appr-2", actions["step-e3"].GetProperty("approvalId").GetString());
        Assert.Equal("auto-approved", actions["step-c1"].GetProperty("approvalDecision").GetString());
        Assert.Equal(SampleIncident.AutoPolicy, actions["step-c1"].GetProperty("autoApprovalPolicy").GetString());
        Assert.Equal("2026-11-20T10:51:00Z", actions["step-c1"].GetProperty("executedAt").GetString());
        Assert.Equal(2, actions["step-c1"].GetProperty("journal").GetArrayLength());
        Assert.Equal(3, _root.GetProperty("approvals").GetArrayLength());
    }

    [Fact]
    public void Json_DurationsMilestonesAndSummary_ReadBackAsComputed()
    {
        var contain = _root.GetProperty("durations").GetProperty("timeToContain");
        Assert.Equal("2026-11-20T10:52:30Z", contain.GetProperty("reachedAt").GetString());
        Assert.Equal(10350, contain.GetProperty("fromCompromiseSeconds").GetInt64());
        Assert.Equal(1350, contain.GetProperty("fromDetectionSeconds").GetInt64());
        Assert.Equal(18900, _root.GetProperty("durations").GetProperty("timeToEradicate").GetProperty("fromCompromiseSeconds").GetInt64());

        var milestones = _root.GetProperty("timeline").GetProperty("milestones").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("at").GetString());
        Assert.Equal("2026-11-20T08:00:00Z", milestones["compromised"]);
        Assert.Equal("2026-11-21T09:00:00Z", milestones["recovered"]);

        var summary = _root.GetProperty("summary");
        Assert.Equal("confirmed-misuse", summary.GetProperty("verdict").GetString());
        Assert.Equal("guardduty-finding", summary.GetProperty("detection").GetProperty("inputKind").GetString());
        Assert.Equal(11, summary.GetProperty("actorEventCount").GetInt32());
    }

    [Fact]
    public void Json_GraphIndicatorsEvidenceAndPeople_ReadBack()
    {
        var edges = _root.GetProperty("credentialGraph").EnumerateArray()
            .Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString(), e.GetProperty("eventId").GetString())).ToList();
        Assert.Equal([(LeakedKey, DerivedKey, "e-05"), (LeakedKey, DerivedSession, "e-06")], edges);

        Assert.Contains(_root.GetProperty("indicators").EnumerateArray(), i =>
            i.GetProperty("type").GetString() == "user-agent" && i.GetProperty("value").GetString() == HostileAgent && i.GetProperty("count").GetInt32() == 1);

        var evidence = _root.GetProperty("evidence");
        Assert.Equal("intact", evidence.GetProperty("verdict").GetString());
        Assert.Equal(fixture.Input.Evidence.Select(e => e.Hash), evidence.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("hash").GetString()));
        Assert.Equal(fixture.Input.Evidence[^1].Hash, evidence.GetProperty("verification").GetProperty("headHash").GetString());

        Assert.Equal("Dana Ortiz <dana.ortiz@example.com>", _root.GetProperty("affectedApplications")[1].GetProperty("owners")[0].GetString());
        Assert.Equal(3, _root.GetProperty("stakeholders").GetArrayLength());
        Assert.Equal(2, _root.GetProperty("recovery").GetArrayLength());
        Assert.Equal(7, _root.GetProperty("lessonsLearned").GetProperty("prompts").GetArrayLength());
        Assert.NotEqual(0, _root.GetProperty("cmdbUpdates").GetArrayLength());
    }

    [Fact]
    public void Json_EveryTime_IsIso8601Utc()
    {
        var times = Walk(_root, "").Where(p => p.Value.ValueKind == JsonValueKind.String && IsTimeName(p.Path)).ToList();

        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.Matches(UtcTime(), t.Value.GetString()!));
    }

    [Fact]
    public void Json_PlantedSecrets_AreRedactedAndMarkupIsEscaped()
    {
        foreach (var secret in ReportFixture.PlantedSecrets)
        {
            Assert.DoesNotContain(secret, fixture.Json, StringComparison.Ordinal);
        }

        var e05 = _root.GetProperty("timeline").GetProperty("actorActions").EnumerateArray().Single(a => a.GetProperty("eventId").GetString() == "e-05");
        Assert.Equal("[redacted]", e05.GetProperty("raw").GetProperty("responseElements").GetProperty("accessKey").GetProperty("SecretAccessKey").GetString());
        Assert.DoesNotContain("<script", fixture.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_EveryProperty_IsDocumentedInTheSchema()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot.Folder, "docs", "report-schema.md"));
        var paths = Walk(_root, "")
            .Select(p => p.Path)
            .Where(p => !p.Contains(".raw.", StringComparison.Ordinal) && !p.Contains(".tags.", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        var missing = paths.Where(p => !doc.Contains($"`{p}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "Not in docs/report-schema.md: " + string.Join(", ", missing));
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsTimeName(string path)
    {
        var name = path[(path.LastIndexOf('.') + 1)..];
        return name is "at" or "start" or "end" or "firstSeen" or "lastSeen" || name.EndsWith("At", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, JsonElement Value)> Walk(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? p.Name : $"{path}.{p.Name}";
                    yield return (child, p.Value);
                    foreach (var inner in Walk(p.Value, child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Walk(item, path + "[]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$")]
    private static partial Regex UtcTime();
}
