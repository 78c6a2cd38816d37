using CredIr.Hosting;
using Grpc.Net.Client;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Tests.Hosting;

/// <summary>The coordinator in a real Kestrel gRPC host on loopback, called through the project's gRPC client.</summary>
public sealed class IncidentsHostTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private WebApplication? _app;
    private GrpcChannel? _channel;

    private CredIr.Contracts.V1.Incidents.IncidentsClient Client => new CredIr.Contracts.V1.Incidents.IncidentsClient(_channel!);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.Configuration["Incidents:Store"] = "sqlite:" + Path.Combine(_directory.Path, "credir.db");
        builder.AddCredIrGrpcHost();
        builder.AddIncidentServices();
        _app = builder.Build();
        _app.MapGrpcService<CredIr.Contracts.V1.Incidents.IncidentsBase>();
        _app.MapGrpcInfrastructure();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _channel = GrpcChannel.ForAddress(address);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenThenGet_OverGrpc_ReturnsTheStoredIncident()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-1"), new CallOptions());

        var fetched = await Client.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions());

        Assert.Equal(opened.IncidentId, fetched.IncidentId);
        Assert.Equal(Phase.Opened, fetched.Phase);
    }

    [Fact]
    public async Task IllegalTransition_OverGrpc_IsFailedPreconditionWithTheReason()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-2"), new CallOptions());
        await Client.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId, Force = true, Reason = "again" }, new CallOptions()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("the incident is closed", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_OverGrpc_StreamsCurrentStateThenTheNextChange()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-3"), new CallOptions());
        using var cancel = new CancellationTokenSource();
        await using var watch = Client.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId }, new CallOptions(cancellationToken: cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);

        Assert.True(await Eventually.Within(watch.MoveNextAsync(), "the current state over gRPC"));
        var next = watch.MoveNextAsync();
        await Client.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "paged the owner" }, new CallOptions());
        Assert.True(await Eventually.Within(next, "the note over gRPC"));

        Assert.Equal("paged the owner", watch.Current.Incident.Notes.Single().Text);
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task ExportAndVerify_OverGrpc_AgreeOnTheHeadHash()
    {
        var opened = await Client.OpenIncidentAsync(TestIncidents.Open("soar-4"), new CallOptions());
        await Client.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "evidence" }, new CallOptions());

        var entries = await Client.ExportEvidence(new ExportEvidenceRequest { IncidentId = opened.IncidentId }, new CallOptions()).Responses().ToListAsync();
        var verified = await Client.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = opened.IncidentId }, new CallOptions());

        Assert.True(verified.Intact);
        Assert.Equal(entries.Count, verified.Entries);
        Assert.Equal(entries[^1].Hash, verified.HeadHash);
    }
}
