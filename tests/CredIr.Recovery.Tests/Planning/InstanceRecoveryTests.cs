using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Grpc;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>
/// An instance the administrator launched and the actor changed. The sandbox serves no instance-modifying call, so
/// the actor's record is written here in CloudTrail's shape (ModifyInstanceAttribute); the instance itself is real.
/// </summary>
public sealed class InstanceRecoveryTests : IAsyncLifetime
{
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ModifiedInstance_NoAutoScalingGroup_IsolatedForForensics_ReplaceOverrideRefused()
    {
        var launched = await _h.Admin(region: "us-west-2").Ec2.RunInstancesAsync(new RunInstancesRequest("ami-0abcdef1234567890", "t3.micro"));
        var id = launched.Instances[0].InstanceId;
        var modified = new TrailEvent
        {
            EventId = "5d1c0f7e-0000-4000-8000-000000000001",
            EventName = "ModifyInstanceAttribute",
            RawJson = $$"""
                {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDACIBOT00000000001","arn":"arn:aws:iam::111111111111:user/ci-bot","accountId":"111111111111","accessKeyId":"{{Org.LeakedKey}}","userName":"ci-bot"},
                 "eventTime":"{{_h.Sandbox.Clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}}","eventSource":"ec2.amazonaws.com","eventName":"ModifyInstanceAttribute","awsRegion":"us-west-2",
                 "sourceIPAddress":"198.51.100.77","userAgent":"aws-cli/2.15.0","requestParameters":{"instanceId":"{{id}}","userData":"<sensitiveDataRemoved>"},
                 "responseElements":{"_return":true},"eventID":"5d1c0f7e-0000-4000-8000-000000000001","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111111111111"}
                """,
        };

        var plan = await _h.PlanAsync([modified]);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync([modified], new Dictionary<string, RecoveryStrategy> { [id] = RecoveryStrategy.Replace }));

        var item = Assert.Single(plan.Items);
        Assert.Equal((RecoveryStrategy.Isolate, ResourceChange.Modified, id), (item.Strategy, item.Change, item.Resource.Id));
        Assert.Contains($"aws ec2 modify-instance-attribute --instance-id {id} --groups", item.Steps[0].ParametersJson, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, refused.Status);
        Assert.Contains($"instance {id} has no aws:autoscaling:groupName tag", refused.Message, StringComparison.Ordinal);
    }
}
