using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Eradication.Planning;
using CredIr.Eradication.Scanning;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LogFiles;
using Grpc.Core;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Tests.Planning;

/// <summary>Scan then plan, as the coordinator calls them, on the invictus dataset.</summary>
public sealed class PlanHandlerTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly BlastRadiusFinder NoCmdb = new(Options.Create(new EradicationOptions()));

    private static async Task<List<TrailEvent>> ScanInvictusAsync()
    {
        var handler = new ScanHandler(TestSources.Factory(), new EventClassifier(), new RecordExtractor(), Clock);
        var events = new List<TrailEvent>();
        await foreach (var update in handler.ScanAsync(
            new ScanRequest
            {
                Credentials = { new Credential { AccessKeyId = "AKIATFQR7NSC8Q4X20BJ" } },
                Since = Timestamp.FromDateTimeOffset(new DateTimeOffset(2023, 7, 10, 11, 54, 33, TimeSpan.Zero)),
                Source = Contracts.V1.TrailSourceKind.LogFiles,
                LogLocation = Datasets.InvictusStratus,
            },
            CancellationToken.None))
        {
            if (update.UpdateCase == ScanUpdate.UpdateOneofCase.Event)
            {
                events.Add(update.Event);
            }
        }

        return events;
    }

    [Fact]
    public async Task InvictusActor_CleanedUpMostOfIt_PlanCoversOnlyWhatItLeft()
    {
        var reader = new InMemoryStateReader();
        var handler = new PlanHandler(reader, new RecordExtractor(), NoCmdb, Clock);
        var request = new PlanEradicationRequest { IncidentId = "inc-1" };
        request.Events.AddRange(await ScanInvictusAsync());

        var plan = await handler.PlanEradicationAsync(request, CancellationToken.None);

        // Stratus cleans up after each technique: the four users, their keys and the instances were deleted by the
        // same key (jq: DeleteUser x4, TerminateInstances x2 by AKIATFQR7NSC8Q4X20BJ), so none may be planned again.
        Assert.Equal(PlanKind.Eradication, plan.Kind);
        Assert.DoesNotContain(plan.Steps, s => s.Action == "iam:DeleteUser");
        Assert.DoesNotContain(plan.Steps, s => s.Target.Id is "i-0dbc91f429e48eeed" or "i-05c30218156bcc246");
        Assert.DoesNotContain(reader.Asked, a => a.Contains("malicious-iam-user", StringComparison.Ordinal));
        Assert.All(plan.Steps, s => Assert.All(s.DependsOn, d => Assert.Contains(d, plan.Steps.TakeWhile(x => x.StepId != s.StepId).Select(x => x.StepId))));
    }

    [Fact]
    public async Task InvictusActor_WhatItCreatedAndNeverDeleted_IsExactlyPlanned()
    {
        // jq, per resource, over the actor's attributed calls: created and not deleted by the actor within the window:
        // secrets -13, -16, -6 (20 CreateSecret, 17 DeleteSecret), parameters credentials-10 and -32 (PutParameter, no delete),
        // vpc-07b33857c7ad1c027 with subnet-0c8a70cf4fd24084f and subnet-0cac13291c6f317ec, DB subnet group
        // stratus-red-team-share-snap-vpc; and, deleted later by bert-jan's own console session (not the actor, so still
        // on the actor's list until the state reader says they are gone): eipalloc-04cbfdaf4b48e92d5 and the RDS instance.
        // The two ec2lui managed policies are created and deleted by the actor: not planned.
        var handler = new PlanHandler(new InMemoryStateReader(), new RecordExtractor(), NoCmdb, Clock);
        var request = new PlanEradicationRequest { IncidentId = "inc-1" };
        request.Events.AddRange(await ScanInvictusAsync());

        var plan = await handler.PlanEradicationAsync(request, CancellationToken.None);

        Assert.Equal(
            [
                "ec2:DeleteSubnet subnet-0c8a70cf4fd24084f",
                "ec2:DeleteSubnet subnet-0cac13291c6f317ec",
                "ec2:DeleteVpc vpc-07b33857c7ad1c027",
                "ec2:ReleaseAddress eipalloc-04cbfdaf4b48e92d5",
                "rds:DeleteDBInstance(FinalSnapshot) terraform-20230710121504061500000001",
                "rds:DeleteDBSubnetGroup stratus-red-team-share-snap-vpc",
                "secretsmanager:DeleteSecret stratus-red-team-retrieve-secret-13-nFvpuv",
                "secretsmanager:DeleteSecret stratus-red-team-retrieve-secret-16-ZgthLn",
                "secretsmanager:DeleteSecret stratus-red-team-retrieve-secret-6-fAVH0t",
                "ssm:DeleteParameter /credentials/stratus-red-team/credentials-10",
                "ssm:DeleteParameter /credentials/stratus-red-team/credentials-32",
            ],
            plan.Steps.Select(s => $"{s.Action} {s.Target.Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoEvents_IsInvalidArgument()
    {
        var handler = new PlanHandler(new InMemoryStateReader(), new RecordExtractor(), NoCmdb, Clock);

        var error = await Assert.ThrowsAsync<RpcException>(() => handler.PlanEradicationAsync(new PlanEradicationRequest(), CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
