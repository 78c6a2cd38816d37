using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Identification.Tests.Support;

/// <summary>A real HTTP receiver on loopback that answers 503 to the first <c>failFirst</c> requests, then 200.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _failFirst;
    private readonly Channel<Received> _arrivals = Channel.CreateUnbounded<Received>();
    private int _requests;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failFirst = failFirst;
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Accepted => Requests.Count(r => r.Status == 200);

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address + "/hook");
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var n = Interlocked.Increment(ref _requests);
        var status = n <= _failFirst ? 503 : 200;
        var received = new Received(n, status, body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Requests.Enqueue(received);
        _arrivals.Writer.TryWrite(received);
        return Results.StatusCode(status);
    }

    /// <summary>The next request to arrive (in order), or a timeout naming what was awaited.</summary>
    public async Task<Received> NextAsync(string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            return await _arrivals.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"waited 20 s for {what} at {Url}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(int Number, int Status, string Body, IReadOnlyDictionary<string, string> Headers);
}
