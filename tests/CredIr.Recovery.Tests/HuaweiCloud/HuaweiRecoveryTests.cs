using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Iam;
using CredIr.HuaweiCloud.Playbook;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.HuaweiCloud;

/// <summary>Recovery of the custom policy the huawei-ak-leak actor widened, through the Recovery service wired by AddRecoveryServices.</summary>
public sealed class HuaweiRecoveryTests : IAsyncLifetime
{
    private const string LeakedAk = "HPUACIDEPLOYLEAKED01";
    // One pool for the class's own IAM reads, as a service holds one.
    private static readonly HttpClient Http = new();

    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync(huawei: true);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>The actor's calls as the Huawei scan hands them on: its CTS traces as events.</summary>
    private List<TrailEvent> ActorEvents()
    {
        var region = _h.Sandbox.Huawei!.Regions[0];
        return [.. _h.Sandbox.Huawei.Traces(region)
            .Where(static t => t["user"]?["access_key_id"]?.ToString() == LeakedAk)
            .Select(t => CtsTrailEvents.ToTrailEvent(CtsTrailEvents.Parse(t.ToJsonString()), region))];
    }

    /// <summary>The custom policy's document as IAM answers it now (signed as acme-admin).</summary>
    private async Task<JsonObject> PolicyAsync(string roleId)
    {
        var huawei = _h.Sandbox.Huawei!;
        var admin = huawei.Credentials("acme-admin");
        var iam = new HuaweiIamClient(Http, new HuaweiCloudOptions
        {
            IamEndpoint = huawei.IamEndpoint,
            CtsEndpoint = huawei.CtsEndpoint,
            Credentials = new HuaweiCredentials(admin.AccessKeyId, admin.SecretAccessKey),
        }, _h.Sandbox.Clock);
        return (JsonObject)(await iam.GetCustomPolicyAsync(roleId, CancellationToken.None))["policy"]!;
    }

    [Fact]
    public async Task WidenedCustomPolicy_RestoredFromTheAdminsEarlierCtsTrace_ReplayAlreadyDone()
    {
        var planned = await _h.PlanAsync(ActorEvents());

        var item = Assert.Single(planned.Items);
        Assert.Equal((RecoveryStrategy.RestoreFromBackup, ResourceChange.Modified, "HuaweiCloud::IAM::CustomPolicy"), (item.Strategy, item.Change, item.Resource.Type));
        Assert.Contains("acme-admin last set it", item.Rationale, StringComparison.Ordinal);

        var done = await _h.ExecuteAsync(planned.Items);

        Assert.Equal(StepStatus.Succeeded, done[^1].Status);
        var policy = await PolicyAsync(item.Resource.Id);
        Assert.Equal(["obs:object:PutObject", "obs:object:GetObject", "obs:bucket:ListBucket"], policy["Statement"]![0]!["Action"]!.AsArray().Select(static a => a!.ToString()));
        Assert.Equal(StepStatus.AlreadyDone, (await _h.ExecuteAsync(planned.Items, "req-2"))[^1].Status);
    }

    [Fact]
    public async Task ItemChangedAfterPlanning_RefusedAndThePolicyStaysWidened()
    {
        var planned = await _h.PlanAsync(ActorEvents());
        var item = planned.Items[0].Clone();
        item.Steps[0].ParametersJson = item.Steps[0].ParametersJson.Replace("obs:object:GetObject", "*:*:*", StringComparison.Ordinal);

        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => _h.ExecuteAsync([item]));

        Assert.Equal("*:*:*", (await PolicyAsync(item.Resource.Id))["Statement"]![0]!["Action"]![0]!.ToString());
    }
}
