using CredIr.Hosting;
using Grpc.Net.Client;
using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// The host as AddEradicationServices wires it (the AWS state reader and executor included), on Kestrel (h2c,
/// loopback), called through the contract's client: from the scenario's leaked key, scan, plan, execute.
/// </summary>
public sealed class GrpcEndToEndTests : IAsyncLifetime
{
    private EradicationSandbox _org = null!;
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _org = await EradicationSandbox.StartAsync("multi-account-org");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:EndpointUrl"] = _org.Sandbox.Endpoint.ToString(),
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:Region"] = "us-east-1",

            // The seal key, and the coordinator's public key: the tokens the test issues as the coordinator verify here.
            ["Approvals:Key"] = EradicationSandbox.ApprovalKey,
            ["Approvals:PublicKey"] = EradicationSandbox.PublicKey,
            ["Eradication:LogFiles:Roots:0"] = Path.GetTempPath(),
        });
        builder.AddCredIrGrpcHost();
        // The responder: the management account's admin (a real host finds its credentials through the default chain).
        builder.Services.AddSingleton(_org.Admin);
        builder.AddEradicationServices();
        _app = builder.Build();
        _app.MapGrpcService<CredIr.Contracts.V1.Eradication.EradicationBase>();
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
        await _org.DisposeAsync();
    }

    [Fact]
    public async Task LeakedKey_ScanPlanExecuteOverTheWire_ActorResourcesGone_ReplayAlreadyDone()
    {
        var client = new CredIr.Contracts.V1.Eradication.EradicationClient(_channel);
        using var trail = new TempFolder();
        await _org.Sandbox.ExportTrailAsync(trail.Path, CancellationToken.None);
        var events = new List<TrailEvent>();
        await foreach (var update in client.Scan(new ScanRequest
        {
            IncidentId = "inc-wire",
            Credentials = { new Credential { AccessKeyId = _org.LeakedKey } },
            Since = Timestamp.FromDateTimeOffset(_org.Sandbox.Clock.GetUtcNow().AddHours(-5)),
            Source = Contracts.V1.TrailSourceKind.LogFiles,
            LogLocation = trail.Path,
        }, new CallOptions()).Responses())
        {
            if (update.UpdateCase == ScanUpdate.UpdateOneofCase.Event)
            {
                events.Add(update.Event);
            }
        }

        var plan = await client.PlanEradicationAsync(new PlanEradicationRequest { IncidentId = "inc-wire", Events = { events } }, new CallOptions());
        var unapproved = await _org.ApprovedAsync(plan);
        unapproved.Approval = null;
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var unused in client.ExecuteEradication(unapproved, new CallOptions()).Responses())
            {
                Assert.Fail("no step may run without an approval");
            }
        });
        var executed = await ExecuteAsync(client, await _org.ApprovedAsync(plan));
        var replayed = await ExecuteAsync(client, await _org.ApprovedAsync(plan));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains(plan.Steps, s => s.Action == "ec2:TerminateInstances");
        Assert.Contains(plan.Steps, s => s.Action == "lambda:DeleteFunction");
        Assert.Contains(plan.Steps, s => s.Action == "iam:DeleteUser" && s.Target.Id == "svc-maint");
        Assert.All(executed, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.All(replayed, s => Assert.Equal(StepStatus.AlreadyDone, s.Status));
        var prod = await _org.AdminInAsync("222222222222", "eu-west-1");
        var function = await Assert.ThrowsAsync<AwsServiceException>(() => prod.Lambda.GetFunctionAsync(new GetFunctionRequest("log-forwarder")));
        Assert.Equal("ResourceNotFoundException", function.Code);
        var user = await Assert.ThrowsAsync<AwsServiceException>(() => _org.Admin.Iam.GetUserAsync(new GetUserRequest("svc-maint")));
        Assert.Equal("NoSuchEntity", user.Code);
    }

    private static async Task<List<PlanStep>> ExecuteAsync(CredIr.Contracts.V1.Eradication.EradicationClient client, ExecutePlanRequest request)
    {
        var steps = new List<PlanStep>();
        await foreach (var step in client.ExecuteEradication(request, new CallOptions()).Responses())
        {
            steps.Add(step);
        }

        return steps;
    }
}
