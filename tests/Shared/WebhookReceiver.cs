using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Tests;

/// <summary>
/// A webhook receiver on loopback, as a SOAR platform's inbox: records the notification id of every POST it gets.
/// Linked into the test projects whose coordinator notifies stakeholders.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> Received { get; } = new();

    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>Completes once every id in <paramref name="ids"/> has arrived (delivery is asynchronous, after the commit).</summary>
    public async Task<bool> AllArrivedAsync(IReadOnlySet<string> ids, CancellationToken cancellationToken = default)
    {
        while (!ids.IsSubsetOf(Received))
        {
            await _arrived.WaitAsync(cancellationToken);
        }

        return true;
    }

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", (HttpRequest request) =>
        {
            receiver!.Received.Enqueue(request.Headers["X-CredIr-Notification-Id"].ToString());
            receiver._arrived.Release();
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(new Uri(address), "/hook"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
