using CredIr.Hosting;
using Grpc.Net.Client;
using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Recovery.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery.Tests.Hosting;

/// <summary>The service wired by AddRecoveryServices, served on Kestrel (h2c, loopback) and called through the contract's client.</summary>
public sealed class GrpcRecoveryTests : IAsyncLifetime
{
    private RecoveryHarness _h = null!;
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _h = await RecoveryHarness.StartAsync();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(_h.Configuration);
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton<TimeProvider>(_h.Sandbox.Clock);
        builder.Services.AddSingleton(_h.Admin());
        builder.AddRecoveryServices();
        _app = builder.Build();
        _app.MapGrpcService<CredIr.Contracts.V1.Recovery.RecoveryBase>();
        _app.MapGrpcInfrastructure();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _channel = GrpcChannel.ForAddress(new Uri(address));
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task OverTheWire_PlanThenExecute_StreamsProgressToDone()
    {
        var client = new CredIr.Contracts.V1.Recovery.RecoveryClient(_channel);
        var request = new PlanRecoveryRequest { IncidentId = "inc-7" };
        request.Events.Add(_h.ActorEvents());

        var plan = await client.PlanRecoveryAsync(request, new CallOptions());
        var policy = plan.Items.Single(i => i.Resource.Type == "AWS::IAM::ManagedPolicy");
        var streamed = new List<RecoveryItem>();
        await foreach (var item in client.ExecuteRecovery(await _h.ApprovedAsync([policy], "req-wire"), new CallOptions()).Responses())
        {
            streamed.Add(item);
        }

        Assert.Equal(PlanKind.Recovery, plan.Plan.Kind);
        Assert.Equal(plan.Items.Sum(i => i.Steps.Count), plan.Plan.Steps.Count);
        Assert.Equal(StepStatus.Succeeded, streamed[^1].Status);
        Assert.Equal("v1", (await _h.Admin(Org.Prod).Iam.GetPolicyAsync(new GetPolicyRequest(policy.Resource.Arn))).Policy.DefaultVersionId);
    }

    [Fact]
    public async Task OverTheWire_ExecuteWithoutApproval_FailedPrecondition_AndNothingChanges()
    {
        var client = new CredIr.Contracts.V1.Recovery.RecoveryClient(_channel);
        var request = new PlanRecoveryRequest { IncidentId = "inc-7" };
        request.Events.Add(_h.ActorEvents());
        var plan = await client.PlanRecoveryAsync(request, new CallOptions());
        var unapproved = await _h.ApprovedAsync(plan.Items, "req-x");
        unapproved.Approval = null;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in client.ExecuteRecovery(unapproved, new CallOptions()).Responses())
            {
                Assert.Fail("no item may be executed without an approval");
            }
        });

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("approval", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("v2", (await _h.Admin(Org.Prod).Iam.GetPolicyAsync(new GetPolicyRequest("arn:aws:iam::222222222222:policy/app-server-s3"))).Policy.DefaultVersionId);
    }

    [Fact]
    public async Task OverTheWire_AlteredItemForgedOrReplayedApproval_IsRefused_AndThePolicyStaysAsTheActorLeftIt()
    {
        var client = new CredIr.Contracts.V1.Recovery.RecoveryClient(_channel);
        var request = new PlanRecoveryRequest { IncidentId = "inc-7" };
        request.Events.Add(_h.ActorEvents());
        var plan = await client.PlanRecoveryAsync(request, new CallOptions());
        var policy = plan.Items.Single(i => i.Resource.Type == "AWS::IAM::ManagedPolicy");
        var altered = policy.Clone();
        altered.BackupReference = "v9";
        var alteredRequest = await _h.ApprovedAsync([altered], "req-altered");
        var forged = await _h.ApprovedAsync([policy], "req-forged");
        forged.Approval.Signature = Google.Protobuf.ByteString.CopyFrom(new byte[32]);
        var otherIncident = await _h.ApprovedAsync([policy], "req-other");
        otherIncident.IncidentId = "inc-8";
        var used = await _h.ApprovedAsync([policy], "req-used");
        var refusedInstead = await Assert.ThrowsAsync<RpcException>(() => ExecuteAsync(client, forged));
        await ExecuteAsync(client, used);
        await _h.Admin(Org.Prod).Iam.SetDefaultPolicyVersionAsync(new SetDefaultPolicyVersionRequest("arn:aws:iam::222222222222:policy/app-server-s3", "v2"));

        var alteredError = await Assert.ThrowsAsync<RpcException>(() => ExecuteAsync(client, alteredRequest));
        var otherError = await Assert.ThrowsAsync<RpcException>(() => ExecuteAsync(client, otherIncident));
        var replayError = await Assert.ThrowsAsync<RpcException>(() => ExecuteAsync(client, used));

        Assert.Equal(StatusCode.PermissionDenied, refusedInstead.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, alteredError.StatusCode);
        Assert.Contains("was not made by this recovery service, or was changed since", alteredError.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, otherError.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, replayError.StatusCode);
        Assert.Equal("v2", (await _h.Admin(Org.Prod).Iam.GetPolicyAsync(new GetPolicyRequest("arn:aws:iam::222222222222:policy/app-server-s3"))).Policy.DefaultVersionId);
    }

    private static async Task ExecuteAsync(CredIr.Contracts.V1.Recovery.RecoveryClient client, ExecuteRecoveryRequest request)
    {
        await foreach (var unused in client.ExecuteRecovery(request, new CallOptions()).Responses())
        {
        }
    }
}
