using CredIr.Playbook.Extraction;

namespace CredIr.Playbook.Tests.Extraction;

public sealed class RecordExtractorTests
{
    private static readonly RecordExtractor Extractor = new();

    private static async Task<RecordFacts> FactsAsync(string eventId) => Extractor.Extract(await Datasets.ByEventIdAsync(eventId));

    private static TouchedResource Resource(RecordFacts facts, string type) => Assert.Single(facts.Resources, r => r.Type == type);

    [Fact]
    public async Task RunInstances_CreatesTheInstance_AndReferencesItsProfile()
    {
        var facts = await FactsAsync("86eac0ac-8521-4126-aa32-a22f2b74d02e");

        var instance = Resource(facts, "AWS::EC2::Instance");
        Assert.Equal(ChangeKind.Created, facts.Change);
        Assert.Equal(("i-0dbc91f429e48eeed", ChangeKind.Created), (instance.Id, instance.Change));
        Assert.Equal("arn:aws:ec2:us-east-1:123837392027:instance/i-0dbc91f429e48eeed", instance.Arn);
    }

    [Fact]
    public async Task AttachUserPolicy_ModifiesTheUser_AndOnlyReferencesThePolicy()
    {
        var facts = await FactsAsync("f4923a37-92d5-4dfd-9786-6caef2b5f33c");

        Assert.Equal(ChangeKind.Modified, Resource(facts, "AWS::IAM::User").Change);
        var policy = Resource(facts, "AWS::IAM::ManagedPolicy");
        Assert.Equal(("arn:aws:iam::aws:policy/AdministratorAccess", ChangeKind.Referenced), (policy.Id, policy.Change));
    }

    [Fact]
    public async Task DeleteBucketPolicy_ModifiesTheBucket_DoesNotDeleteIt()
    {
        var facts = await FactsAsync("b921a62d-9241-42a2-bb3c-6821e55c20cd");

        var bucket = Resource(facts, "AWS::S3::Bucket");
        Assert.Equal(("stratus-red-team-bdbp-lhfzvgcamn", ChangeKind.Modified), (bucket.Id, bucket.Change));
    }

    [Fact]
    public async Task TerminateInstances_DeletesTheInstance()
    {
        var facts = await FactsAsync("2d893b1d-e8f2-499b-a558-cb927d9b48ea");

        Assert.Equal(ChangeKind.Deleted, Resource(facts, "AWS::EC2::Instance").Change);
    }

    [Fact]
    public async Task CreateAccessKey_CreatesTheKey_AndReferencesTheUser()
    {
        var facts = await FactsAsync("8c282c0b-00d1-4369-95b7-cb50b6eee620");

        Assert.Equal(("AKIATFQR7NSCQLA2F4OD", ChangeKind.Created), (Resource(facts, "AWS::IAM::AccessKey").Id, Resource(facts, "AWS::IAM::AccessKey").Change));
        Assert.Equal(ChangeKind.Referenced, Resource(facts, "AWS::IAM::User").Change);
        Assert.Null(Resource(facts, "AWS::IAM::User").Region);
    }

    [Fact]
    public async Task CreateFunction_CreatesTheFunction_AndReferencesThePassedRole()
    {
        var facts = await FactsAsync("2e15203f-d196-441a-adeb-794b195b4a28");

        Assert.Equal(ChangeKind.Created, Resource(facts, "AWS::Lambda::Function").Change);
        Assert.Equal("arn:aws:lambda:us-east-1:123837392027:function:stratus-red-team-backdoor-f-func", Resource(facts, "AWS::Lambda::Function").Arn);
    }

    [Fact]
    public void Ec2WrappedValues_DeleteFlowLogs_AreUnwrapped()
    {
        var record = Records.Make("ec2.amazonaws.com", "DeleteFlowLogs", """{"DeleteFlowLogsRequest":{"FlowLogId":{"tag":1,"content":"fl-064ed3a785e4a37ef"}}}""");

        var flowLog = Resource(Extractor.Extract(record), "AWS::EC2::FlowLog");

        Assert.Equal(("fl-064ed3a785e4a37ef", ChangeKind.Deleted), (flowLog.Id, flowLog.Change));
    }

    [Fact]
    public void FailedCall_TouchesNothing_ButStillNamesTheTarget()
    {
        var record = Records.Make("iam.amazonaws.com", "DeleteUser", """{"userName":"bob"}""", "AccessDenied");

        var facts = Extractor.Extract(record);

        Assert.Equal(ChangeKind.Read, facts.Change);
        Assert.Equal(ChangeKind.Read, Resource(facts, "AWS::IAM::User").Change);
    }
}
