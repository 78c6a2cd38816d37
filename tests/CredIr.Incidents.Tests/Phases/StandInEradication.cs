using CredIr.Hosting;
using CredIr.Contracts.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>
/// A stand-in for the Eradication service, which is not built yet (coordinator unit tests only):
/// the scan finds a CreateUser, a CreateAccessKey that derives a new key, and a GetObject.
/// </summary>
internal sealed class StandInEradication(FakeCloud cloud) : CredIr.Contracts.V1.Eradication.EradicationBase
{
    public const string DerivedKey = "AKIADERIVED000000001";

    public int Scans { get; private set; }

    /// <summary>How many scans to refuse with UNAVAILABLE first, as a service being restarted would.</summary>
    public int Unavailable { get; set; }

    private async IAsyncEnumerable<ScanUpdate> ScanStream(ScanRequest request, ServerCallContext context)
    {
        if (Unavailable > 0)
        {
            Unavailable--;
            throw new RpcException(new Status(StatusCode.Unavailable, "the eradication service is restarting"));
        }

        Scans++;
        await Task.Yield();
        var at = request.Since.ToDateTimeOffset();
        yield return Event("ev-1", at.AddMinutes(1), "CreateUser", EventCategory.IdentityPersistence);
        yield return Event("ev-2", at.AddMinutes(2), "CreateAccessKey", EventCategory.IdentityPersistence);
        yield return new ScanUpdate
        {
            Credential = new Credential
            {
                AccessKeyId = DerivedKey,
                Kind = CredentialKind.AccessKey,
                UserName = "backdoor",
                Provenance = new Provenance { DerivedFromAccessKeyId = request.Credentials[0].AccessKeyId, CreatedByEventId = "ev-2", CreatedByEventName = "CreateAccessKey", Depth = 1 },
            },
        };
        yield return new ScanUpdate { Checkpoint = new ScanCheckpoint { AccessKeyId = request.Credentials[0].AccessKeyId, AccountId = "111122223333", Region = "us-east-1", Done = true } };
        yield return Event("ev-3", at.AddMinutes(3), "GetObject", EventCategory.SensitiveDataAccess);
        yield return new ScanUpdate
        {
            Summary = new ScanSummary
            {
                EventsAttributed = 3,
                CredentialsTotal = 2,
                CredentialsDerived = 1,
                EventsByCategory = { ["identity_persistence"] = 2, ["sensitive_data_access"] = 1 },
                Created = { new ResourceRef { Type = "AWS::IAM::User", Id = "backdoor" } },
                Complete = true,
            },
        };
    }

    public override Task<Plan> PlanEradication(PlanEradicationRequest request, ServerCallContext context) => Task.FromResult(new Plan
    {
        Kind = PlanKind.Eradication,
        Steps = { new PlanStep { StepId = "delete-backdoor", Action = "iam:DeleteUser", Target = new ResourceRef { Type = "AWS::IAM::User", Id = "backdoor" }, Status = StepStatus.Planned } },
    });

    private async IAsyncEnumerable<PlanStep> ExecuteEradicationStream(ExecutePlanRequest request, ServerCallContext context)
    {
        await Task.Yield();
        foreach (var step in request.Plan.Steps.Where(s => request.StepIds.Contains(s.StepId)))
        {
            cloud.Count(step.Action + " " + step.Target.Id);
            yield return new PlanStep(step) { Status = StepStatus.Succeeded };
        }
    }

    private static ScanUpdate Event(string id, DateTimeOffset at, string name, EventCategory category) => new()
    {
        Event = new TrailEvent
        {
            EventId = id,
            EventName = name,
            EventTime = Timestamp.FromDateTimeOffset(at),
            AccessKeyId = "AKIAEXAMPLE0000001",
            Categories = { category },
            RawJson = $$"""{"eventID":"{{id}}","eventName":"{{name}}"}""",
        },
    };

    public override Task Scan(ScanRequest request, IServerStreamWriter<ScanUpdate> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(ScanStream(request, context), context.CancellationToken);
    public override Task ExecuteEradication(ExecutePlanRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(ExecuteEradicationStream(request, context), context.CancellationToken);
}
