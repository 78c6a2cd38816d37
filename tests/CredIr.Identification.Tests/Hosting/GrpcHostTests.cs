using CredIr.Hosting;
using Grpc.Net.Client;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Identification.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Identification.Tests.Hosting;

/// <summary>
/// The service wired by AddIdentificationServices, served by the gRPC layer on Kestrel (h2c) and called through the
/// contract's client over the wire, with AWS access pointed at the sandbox.
/// </summary>
public sealed class GrpcHostTests(SandboxIdentification fixture) : IClassFixture<SandboxIdentification>
{
    private async Task<(WebApplication App, GrpcChannel Channel)> StartAsync(Uri webhook, string outbox)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identification:CmdbPath"] = Path.Combine(AppContext.BaseDirectory, "Samples", "sample-cmdb.json"),
            ["Identification:Regions:0"] = "us-east-1",
            ["Identification:Notifications:OutboxPath"] = outbox,
            ["Identification:Notifications:Targets:0:Name"] = "soc",
            ["Identification:Notifications:Targets:0:Url"] = webhook.ToString(),
            ["Identification:Notifications:Targets:0:Secret"] = "hook-secret",
        });
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton<TimeProvider>(fixture.Sandbox.Clock);
        builder.Services.AddSingleton<AwsScope>(fixture.Admin);
        builder.AddIdentificationServices();
        var app = builder.Build();
        app.MapGrpcService<CredIr.Contracts.V1.Identification.IdentificationBase>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, GrpcChannel.ForAddress(new Uri(address)));
    }

    [Fact]
    public async Task OverTheWire_IdentifyStakeholdersAndNotify_WorkEndToEnd()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        var outbox = Path.Combine(Path.GetTempPath(), $"grpc-outbox-{Guid.NewGuid():N}.db");
        var (app, channel) = await StartAsync(receiver.Url, outbox);
        try
        {
            var client = new CredIr.Contracts.V1.Identification.IdentificationClient(channel);

            var identified = await client.IdentifyAsync(new IdentifyRequest { Input = new IdentificationInput { AccessKeyId = "AKIA4CIDEPLOYLEAKED5" } }, new CallOptions());
            var people = await client.FindStakeholdersAsync(new FindStakeholdersRequest { AccountIds = { "111111111111" } }, new CallOptions());
            var sent = await client.NotifyAsync(new NotifyRequest { RequestId = "r-1", IncidentId = "inc-1", Subject = "Leaked key", Recipients = { people.Stakeholders } }, new CallOptions());
            var delivered = await receiver.NextAsync("the notification POSTed by the hosted dispatcher");

            Assert.Equal($"arn:aws:iam::{fixture.AccountId}:user/ci-deployer", Assert.Single(identified.Credentials).PrincipalArn);
            Assert.Equal(CompromiseTimeBasis.FirstSuspiciousUse, identified.CompromiseWindow.Basis);
            Assert.Contains(people.Stakeholders, s => s.Kind == StakeholderKind.ApplicationOwner && s.Application == "payments");
            Assert.Equal("r-1/soc", Assert.Single(sent.Notifications).NotificationId);
            Assert.Equal("r-1/soc", delivered.Headers["X-CredIr-Notification-Id"]);
            Assert.Contains("payments-owner@example.com", delivered.Body, StringComparison.Ordinal);
        }
        finally
        {
            channel.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(outbox);
        }
    }

    [Fact]
    public async Task OverTheWire_UnsupportedFinding_IsInvalidArgumentWithTheReason()
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"grpc-outbox-{Guid.NewGuid():N}.db");
        var (app, channel) = await StartAsync(new Uri("http://127.0.0.1:9/hook"), outbox);
        try
        {
            var client = new CredIr.Contracts.V1.Identification.IdentificationClient(channel);

            var error = await Assert.ThrowsAsync<RpcException>(() => client.IdentifyAsync(
                new IdentifyRequest { Input = new IdentificationInput { FindingJson = """{"eventTypeCode":"AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"}""" } }, new CallOptions()).ResponseAsync);

            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal("finding_json: looks like an AWS Health event of type AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED, which CredIr does not take; supported: AWS_RISK_CREDENTIALS_EXPOSED", error.Status.Detail);
        }
        finally
        {
            channel.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(outbox);
        }
    }
}
