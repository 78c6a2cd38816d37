using CredIr.Contracts.V1;
using CredIr.Reports.Tests.Fixtures;

namespace CredIr.Reports.Tests;

public sealed class DetectionTests
{
    public static TheoryData<IdentificationInput, string, string> Inputs => new()
    {
        { new IdentificationInput { AccessKeyId = "AKIAEXAMPLELEAK00001" }, "access-key-id", "AKIAEXAMPLELEAK00001" },
        { new IdentificationInput { PrincipalArn = "arn:aws:iam::111122223333:role/ci" }, "principal-arn", "arn:aws:iam::111122223333:role/ci" },
        { new IdentificationInput { FindingJson = """{"detail-type":"GuardDuty Finding","detail":{"id":"gd-1","type":"Recon:IAMUser/MaliciousIPCaller"}}""" }, "guardduty-finding", "gd-1" },
        { new IdentificationInput { FindingJson = """{"detail":{"findings":[{"Id":"arn:aws:securityhub:x/1","ProductArn":"p","Title":"Key exposed","Types":["t"]}]}}""" }, "security-hub-finding", "arn:aws:securityhub:x/1" },
        { new IdentificationInput { FindingJson = """{"detail":{"eventTypeCode":"AWS_RISK_CREDENTIALS_EXPOSED"}}""" }, "health-event", "AWS_RISK_CREDENTIALS_EXPOSED" },
        { new IdentificationInput { FindingJson = """{"eventName":"AttachUserPolicy"}""" }, "cloudtrail-event", "AttachUserPolicy" },
        { new IdentificationInput { FindingJson = "not json" }, "finding", "" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Build_EachKindOfInput_SaysHowTheIncidentWasFound(IdentificationInput input, string kind, string value)
    {
        var incident = new Incident { IncidentId = "inc-1", Input = input, TicketReference = "SEC-9" };

        var detection = new ReportBuilder(new FakeTimeProvider(SampleEvidence.GeneratedAt)).Build(new ReportInput(incident, [], [], null)).Summary.Detection;

        Assert.Equal(kind, detection.InputKind);
        Assert.Equal(value, detection.Value);
        Assert.Equal("SEC-9", detection.TicketReference);
        Assert.NotEmpty(detection.Description);
    }
}
