using System.Net;
using System.Net.Sockets;
using CredIr.Contracts.V1;
using CredIr.Identification.Notifications;
using CredIr.Identification.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Notifications;

public sealed class NotificationDeliveryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly string _outboxPath = Path.Combine(Path.GetTempPath(), $"outbox-{Guid.NewGuid():N}.db");
    private readonly ManualTimeProvider _clock = new(T0);
    private readonly HttpClient _http = new();

    private NotificationOptions Settings(Uri url, int maxAttempts = 5)
    {
        var settings = new NotificationOptions { OutboxPath = _outboxPath, MaxAttempts = maxAttempts, InitialBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromMinutes(1), PollInterval = TimeSpan.FromMinutes(10) };
        settings.Targets.Add(new WebhookTarget { Name = "soc", Url = url, Secret = "s3cret-hmac-key", Timeout = TimeSpan.FromSeconds(5) });
        return settings;
    }

    private (NotificationDispatcher Dispatcher, Notifier Notifier, SqliteNotificationOutbox Outbox) Build(NotificationOptions settings)
    {
        var outbox = new SqliteNotificationOutbox(_outboxPath);
        var dispatcher = new NotificationDispatcher(outbox, new WebhookSender(_http, _clock), Options.Create(settings), _clock, NullLogger<NotificationDispatcher>.Instance);
        return (dispatcher, new Notifier(outbox, dispatcher, Options.Create(settings), _clock), outbox);
    }

    private static NotifyRequest Request() => new()
    {
        RequestId = "req-1",
        IncidentId = "inc-42",
        Subject = "Leaked key AKIAIOSFODNN7EXAMPLE",
        Body = "Key contained at 10:05",
        Recipients = { new Stakeholder { Name = "Legal counsel", Contact = "legal@example.com", Kind = StakeholderKind.Legal } },
    };

    [Fact]
    public async Task Receiver_FailsTwiceThenAccepts_DeliveredExactlyOnceAfterThreeAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var (dispatcher, notifier, outbox) = Build(Settings(receiver.Url));
        var mark = _clock.Mark();
        await dispatcher.StartAsync(CancellationToken.None);

        var queued = await notifier.NotifyAsync(Request(), CancellationToken.None);

        Assert.Equal(NotificationStatus.Pending, Assert.Single(queued).Status);
        await _clock.TimerArmedAtAsync(T0.AddSeconds(5), mark, "the retry after the first failure");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _clock.TimerArmedAtAsync(T0.AddSeconds(15), mark, "the retry after the second failure (backoff doubled)");
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _clock.TimerArmedAtAsync(T0.AddSeconds(15) + TimeSpan.FromMinutes(10), mark, "the idle poll after delivery");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _clock.TimerArmedAtAsync(T0.AddSeconds(15) + TimeSpan.FromMinutes(20), mark, "the next idle poll");
        await dispatcher.StopAsync(CancellationToken.None);

        var stored = await outbox.GetAsync("req-1/soc", CancellationToken.None);
        Assert.Equal(NotificationStatus.Delivered, stored!.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(T0.AddSeconds(15), stored.DeliveredAt);
        Assert.Equal(1, receiver.Accepted);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_WithSecret_CarriesAVerifiableSignatureAndThePayload()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        var (dispatcher, notifier, _) = Build(Settings(receiver.Url));
        var mark = _clock.Mark();
        await dispatcher.StartAsync(CancellationToken.None);
        await _clock.TimerArmedAtAsync(T0 + TimeSpan.FromMinutes(10), mark, "the dispatcher idle on an empty outbox");
        mark = _clock.Mark();

        await notifier.NotifyAsync(Request(), CancellationToken.None);
        await _clock.TimerArmedAtAsync(T0 + TimeSpan.FromMinutes(10), mark, "the idle poll after delivery");
        await dispatcher.StopAsync(CancellationToken.None);

        var received = Assert.Single(receiver.Requests);
        var timestamp = received.Headers[WebhookSender.TimestampHeader];
        Assert.Equal(T0.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        Assert.Equal("sha256=" + WebhookSender.Sign("s3cret-hmac-key", timestamp, received.Body), received.Headers[WebhookSender.SignatureHeader]);
        Assert.Equal("req-1/soc", received.Headers[WebhookSender.IdHeader]);
        Assert.Contains("\"incidentId\":\"inc-42\"", received.Body, StringComparison.Ordinal);
        Assert.Contains("legal@example.com", received.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-hmac-key", received.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_DownThroughout_GivesUpWithARecordOfTheLastError()
    {
        var (dispatcher, notifier, outbox) = Build(Settings(ClosedPortUrl(), maxAttempts: 3));
        var mark = _clock.Mark();
        await dispatcher.StartAsync(CancellationToken.None);

        await notifier.NotifyAsync(Request(), CancellationToken.None);
        await _clock.TimerArmedAtAsync(T0.AddSeconds(5), mark, "the retry after the first failure");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _clock.TimerArmedAtAsync(T0.AddSeconds(15), mark, "the retry after the second failure");
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _clock.TimerArmedAtAsync(T0.AddSeconds(15) + TimeSpan.FromMinutes(10), mark, "the idle poll after giving up");
        await dispatcher.StopAsync(CancellationToken.None);

        var stored = await outbox.GetAsync("req-1/soc", CancellationToken.None);
        Assert.Equal(NotificationStatus.GaveUp, stored!.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Contains("ConnectionError", stored.LastError, StringComparison.Ordinal);
        Assert.Equal(stored.LastError, stored.ToContract().LastError);
    }

    [Fact]
    public async Task Dispatcher_RestartedAfterAFailure_NewInstanceDeliversWithoutLosingOrRepeating()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        var settings = Settings(receiver.Url);
        var (first, notifier, _) = Build(settings);
        var mark = _clock.Mark();
        await first.StartAsync(CancellationToken.None);
        await notifier.NotifyAsync(Request(), CancellationToken.None);
        await _clock.TimerArmedAtAsync(T0.AddSeconds(5), mark, "the first dispatcher's retry");
        await first.StopAsync(CancellationToken.None);
        first.Dispose();

        var (second, secondNotifier, outbox) = Build(settings);
        mark = _clock.Mark();
        await second.StartAsync(CancellationToken.None);
        await _clock.TimerArmedAtAsync(T0.AddSeconds(5), mark, "the second dispatcher picking up the pending retry");
        var beforeRepeat = _clock.Mark();
        var again = await secondNotifier.NotifyAsync(Request(), CancellationToken.None);
        await _clock.TimerArmedAtAsync(T0.AddSeconds(5), beforeRepeat, "the second dispatcher back asleep after the repeated request");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _clock.TimerArmedAtAsync(T0.AddSeconds(5) + TimeSpan.FromMinutes(10), mark, "the idle poll after delivery");
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(1, Assert.Single(again).Attempts);
        var stored = await outbox.GetAsync("req-1/soc", CancellationToken.None);
        Assert.Equal((NotificationStatus.Delivered, 2), (stored!.Status, stored.Attempts));
        Assert.Equal(1, receiver.Accepted);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Notify_NoTargetsConfigured_FailsSayingWhichSetting()
    {
        var settings = new NotificationOptions { OutboxPath = _outboxPath };
        var (_, notifier, _) = Build(settings);

        var error = await Assert.ThrowsAsync<PreconditionFailedException>(() => notifier.NotifyAsync(Request(), CancellationToken.None));

        Assert.Contains("Identification:Notifications:Targets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_WithoutRequestId_IsRefused()
    {
        var (_, notifier, _) = Build(Settings(new Uri("http://127.0.0.1:9/hook")));
        var request = Request();
        request.RequestId = "";

        var error = await Assert.ThrowsAsync<CredIr.Identification.Inputs.InputValidationException>(() => notifier.NotifyAsync(request, CancellationToken.None));

        Assert.Equal("request_id", error.Field);
    }

    [Fact]
    public void Options_BadTarget_FailValidationNamingTheKey()
    {
        var settings = new NotificationOptions { MaxAttempts = 0 };
        settings.Targets.Add(new WebhookTarget { Name = "x", Url = new Uri("ftp://example.com/") });

        var result = new NotificationOptionsValidator().Validate(null, settings);

        Assert.True(result.Failed);
        Assert.Contains("Identification:Notifications:Targets:0:Url must be an absolute http or https URL", result.Failures!);
        Assert.Contains("Identification:Notifications:MaxAttempts must be at least 1", result.Failures!);
    }

    [Fact]
    public void Backoff_DoublesFromTheInitialDelayUpToTheCap()
    {
        var settings = new NotificationOptions { InitialBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(30) };

        Assert.Equal([5, 10, 20, 30, 30], Enumerable.Range(1, 5).Select(n => settings.BackoffAfter(n).TotalSeconds));
    }

    private static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/hook");
    }

    public void Dispose()
    {
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _outboxPath, _outboxPath + "-wal", _outboxPath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
