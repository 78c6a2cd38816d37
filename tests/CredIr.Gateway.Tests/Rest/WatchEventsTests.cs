using System.Net;
using CredIr.Gateway.Tests.Support;

namespace CredIr.Gateway.Tests.Rest;

public sealed class WatchEventsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);
    private static readonly string Responder = Tokens.For("rita", "responder");

    [Fact]
    public async Task Watch_SendsChangesAsEvents_AndResumesAfterLastEventId()
    {
        var gateway = fixture.Gateway;
        using var opened = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, "/v1/incidents", Responder, Json.OpenBody("sse-1", "watched")));
        var id = (await Json.ReadAsync(opened)).GetProperty("incidentId").GetString();

        long first;
        using (var stream = await SseStream.OpenAsync(gateway, $"/v1/incidents/{id}/watch", Responder, lastEventId: null))
        {
            Assert.Equal("text/event-stream", stream.ContentType);
            var initial = await stream.NextAsync(EventTimeout);
            first = initial.Id;
            Assert.Contains(id!, initial.Data, StringComparison.Ordinal);
            using var note = await gateway.Http.SendAsync(GatewayHost.Request(HttpMethod.Post, $"/v1/incidents/{id}/notes", Responder, """{"requestId":"sse-note","text":"seen"}"""));
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
            var next = await stream.NextAsync(EventTimeout);
            Assert.True(next.Id > first, $"expected a version after {first}, got {next.Id}");
            Assert.Contains("seen", next.Data, StringComparison.Ordinal);
        }

        using var resumed = await SseStream.OpenAsync(gateway, $"/v1/incidents/{id}/watch", Responder, lastEventId: first);
        var after = await resumed.NextAsync(EventTimeout);
        Assert.True(after.Id > first, $"resumed after {first} but got version {after.Id} again");
    }
}
