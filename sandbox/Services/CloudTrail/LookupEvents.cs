using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Protocols;

namespace CredIr.Sandbox.Services.CloudTrail;

/// <summary>LookupEvents as AWS serves it: one attribute, a time range inside 90 days, newest first, paged.</summary>
internal sealed class LookupEvents(SandboxTrail trail, LookupThrottle throttle, PageToken tokens, FaultInjector faults)
{
    private static readonly string[] Keys = ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"];
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);

    /// <summary>Counts one request of the account-region against its rate, when it arrives (the pipeline calls it before any injected latency).</summary>
    public void Admit(string accountId, string region)
    {
        if (!throttle.TryAcquire(accountId, region))
        {
            throw new AwsServiceException("ThrottlingException", "Rate exceeded", 400) { Recorded = false };
        }
    }

    public ServiceResult Handle(SandboxCall call)
    {
        call.Authorize("cloudtrail:LookupEvents", "*");

        var body = call.Json;
        var max = body["MaxResults"] is { } m ? m.GetValue<int>() : 50;
        if (max is < 1 or > 50)
        {
            throw new AwsServiceException("InvalidMaxResultsException", "Value for parameter maxResults is invalid. It must be between 1 and 50.", 400);
        }

        var (key, value) = Attribute(body["LookupAttributes"] as JsonArray);
        var now = call.Time;
        var start = Time(body["StartTime"]) ?? now - Window;
        var end = Time(body["EndTime"]) ?? now;
        if (start > end)
        {
            throw new AwsServiceException("InvalidTimeRangeException", "Start time must be before end time.", 400);
        }

        if (start < now - Window)
        {
            start = now - Window;
        }

        // The token is bound to the query as asked (not to the defaults, which move with the clock).
        var query = string.Join('\n', call.Account.Id, call.Region, key, value, body["StartTime"]?.ToJsonString(), body["EndTime"]?.ToJsonString());
        var cursor = body["NextToken"] is { } t ? tokens.Read(t.GetValue<string>(), query) : ((DateTimeOffset, long)?)null;
        if (faults.For("cloudtrail") is { EmptyPageRate: > 0 } fault && faults.Roll(fault.EmptyPageRate))
        {
            var (time, sequence) = cursor ?? (DateTimeOffset.MaxValue, long.MaxValue);
            return new ServiceResult { Raw = Encoding.UTF8.GetBytes($"{{\"Events\":[],\"NextToken\":\"{tokens.Create(time, sequence, query)}\"}}") };
        }

        var filter = Filter(key, value, start, end, now);
        var page = trail.Page(call.Account.Id, call.Region, filter, cursor, max + 1);
        var more = page.Count > max;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        using var buffer = new MemoryStream();
        buffer.Write("{\"Events\":["u8);
        for (var i = 0; i < page.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(page[i].LookupItem ??= Encoding.UTF8.GetBytes(Render(page[i]).ToJsonString(JsonText.Relaxed)));
        }

        buffer.Write("]"u8);
        if (more)
        {
            var last = page[^1];
            buffer.Write(Encoding.UTF8.GetBytes($",\"NextToken\":\"{tokens.Create(last.EventTime, last.Sequence, query)}\""));
        }

        buffer.Write("}"u8);
        return new ServiceResult { Raw = buffer.ToArray() };
    }

    private static (string? Key, string? Value) Attribute(JsonArray? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return (null, null);
        }

        if (attributes.Count > 1)
        {
            throw new AwsServiceException("InvalidLookupAttributesException", "You can only specify one lookup attribute.", 400);
        }

        var key = attributes[0]?["AttributeKey"]?.GetValue<string>();
        var value = attributes[0]?["AttributeValue"]?.GetValue<string>();
        if (key is null || !Keys.Contains(key))
        {
            throw new AwsServiceException("InvalidLookupAttributesException", $"Invalid attribute key: {key}. Valid keys are {string.Join(", ", Keys)}.", 400);
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new AwsServiceException("InvalidLookupAttributesException", "The attribute value must not be empty.", 400);
        }

        return (key, value);
    }

    private static Func<RecordedEvent, bool> Filter(string? key, string? value, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        Func<RecordedEvent, bool> matches = key switch
        {
            "EventId" => e => e.EventId == value,
            "EventName" => e => e.EventName == value,
            "ReadOnly" => e => string.Equals(e.ReadOnly ? "true" : "false", value, StringComparison.OrdinalIgnoreCase),
            "Username" => e => e.Username == value,
            "ResourceType" => e => e.Resources.Any(r => r.Type == value),
            "ResourceName" => e => e.Resources.Any(r => r.Name == value),
            "EventSource" => e => e.EventSource == value,
            "AccessKeyId" => e => e.AccessKeyId == value,
            _ => _ => true,
        };
        return e => e.EventTime >= start && e.EventTime <= end && e.DeliverAt <= now && matches(e);
    }

    private static JsonObject Render(RecordedEvent e) => new()
    {
        ["EventId"] = e.EventId,
        ["EventName"] = e.EventName,
        ["ReadOnly"] = e.ReadOnly ? "true" : "false",
        ["AccessKeyId"] = e.AccessKeyId,
        ["EventTime"] = e.EventTime.ToUnixTimeMilliseconds() / 1000.0,
        ["EventSource"] = e.EventSource,
        ["Username"] = e.Username,
        ["Resources"] = new JsonArray(e.Resources.Select(r => (JsonNode)new JsonObject { ["ResourceType"] = r.Type, ["ResourceName"] = r.Name }).ToArray()),
        ["CloudTrailEvent"] = e.Json,
    };

    private static DateTimeOffset? Time(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var element = node.GetValue<JsonElement>();
        if (element.ValueKind == JsonValueKind.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(element.GetDouble() * 1000));
        }

        return DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw new AwsServiceException("SerializationException", "Invalid timestamp", 400);
    }
}
