using CredIr.Contracts.Calls;
using System.Globalization;
using CredIr.Contracts.V1;

namespace CredIr.Gateway.Rest;

/// <summary>WatchIncident as server-sent events: one event per change, id = version, resumed after Last-Event-ID.</summary>
internal static class WatchEvents
{
    public static async Task WriteAsync(RestCall call)
    {
        var request = new WatchIncidentRequest { IncidentId = call.Route("id") };
        var last = call.Http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? call.Query("last_event_id");
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            // The coordinator's from_version is the version the watcher already holds: it answers the
            // current state only when newer, then every later change.
            request.FromVersion = version;
        }

        var response = call.Http.Response;
        var changes = IncidentRoutes.Client(call).WatchIncident(request, call.Context(stream: true)).Responses(call.Http.RequestAborted);
        await using var enumerator = changes.GetAsyncEnumerator(call.Http.RequestAborted);

        // The first change decides between a JSON error (unknown incident, refusal) and an event stream.
        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
        {
            return;
        }

        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        do
        {
            var change = enumerator.Current;
            var data = ProtoJson.Formatter.Format(change);
            await response.WriteAsync($"id: {change.Version.ToString(CultureInfo.InvariantCulture)}\ndata: {data}\n\n", call.Http.RequestAborted).ConfigureAwait(false);
            await response.Body.FlushAsync(call.Http.RequestAborted).ConfigureAwait(false);
        }
        while (await enumerator.MoveNextAsync().ConfigureAwait(false));
    }
}
