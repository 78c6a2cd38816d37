using System.Globalization;
using System.Net.Http.Headers;

namespace CredIr.Gateway.Tests.Support;

/// <summary>A server-sent events reader over one open response: events as (id, data).</summary>
internal sealed class SseStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseStream> OpenAsync(GatewayHost gateway, string path, string token, long? lastEventId)
    {
        var request = GatewayHost.Request(HttpMethod.Get, path, token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
        }

        var response = await gateway.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<(long Id, string Data)> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        long? id = null;
        string? data = null;
        try
        {
            while (await _reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.Length == 0 && id is not null && data is not null)
                {
                    return (id.Value, data);
                }

                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line[6..];
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no server-sent event within {timeout}");
        }

        throw new InvalidOperationException("the event stream ended before the next event");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
