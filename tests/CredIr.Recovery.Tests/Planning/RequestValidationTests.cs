using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>Malformed requests are refused with the field named, before any cloud call.</summary>
public sealed class RequestValidationTests : IAsyncLifetime
{
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Plan_EventWithoutRawJson_InvalidArgumentNamingTheField()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync([new TrailEvent { EventId = "e-1", EventName = "DeleteUser" }]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("events[0].raw_json", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OverrideNamingNoItem_InvalidArgumentListingTheItems()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync(_h.ActorEvents(),
            new Dictionary<string, RecoveryStrategy> { ["arn:aws:iam::111111111111:user/nobody"] = RecoveryStrategy.Manual }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("strategy_overrides: no recovery item has the ARN or id arn:aws:iam::111111111111:user/nobody", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("policy-version|arn:aws:iam::222222222222:policy/app-server-s3", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OverrideToManual_TakenAndMarkedOverridden()
    {
        var plan = await _h.PlanAsync(_h.ActorEvents(),
            new Dictionary<string, RecoveryStrategy> { ["arn:aws:iam::222222222222:policy/app-server-s3"] = RecoveryStrategy.Manual });

        var item = plan.Items.Single(i => i.Resource.Type == "AWS::IAM::ManagedPolicy");
        Assert.Equal(RecoveryStrategy.Manual, item.Strategy);
        Assert.True(item.StrategyOverridden);
        Assert.StartsWith("Strategy chosen by the responder.", item.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_WithoutRequestId_InvalidArgument()
    {
        var request = await _h.ApprovedAsync([new RecoveryItem { ItemId = "x", Steps = { new PlanStep { StepId = "x#1", Action = "manual:Task" } } }], "");
        using var call = _h.Service.ExecuteRecovery(request, new CallOptions(cancellationToken: CancellationToken.None));

        // The status ends the stream before any item: nothing is executed.
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("request_id", error.Status.Detail, StringComparison.Ordinal);
    }
}
