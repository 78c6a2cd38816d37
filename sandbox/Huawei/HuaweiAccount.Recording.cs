using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CredIr.Sandbox.Huawei;

/// <summary>CTS's side: every operation IAM or CTS performed becomes a trace with CTS's fields.</summary>
public sealed partial class HuaweiAccount
{
    private void Record(HuaweiCall call, HuaweiResult result, HttpRequest request, string requestId, byte[] body)
    {
        var status = (int)result.Status;
        var user = call.Caller.User;
        var trace = new JsonObject
        {
            ["trace_id"] = null,
            ["trace_name"] = call.TraceName,
            ["trace_rating"] = status >= 500 ? "incident" : status >= 400 ? "warning" : "normal",
            ["trace_type"] = "ApiCall",
            ["event_type"] = "system",
            ["service_type"] = call.Service.ToUpperInvariant(),
            ["resource_type"] = call.ResourceType,
            ["resource_name"] = call.ResourceName,
            ["resource_id"] = call.ResourceId,
            ["source_ip"] = request.Headers[SourceIpHeader] is { Count: > 0 } ip ? ip.ToString() : request.HttpContext.Connection.RemoteIpAddress?.MapToIPv4().ToString() ?? "127.0.0.1",
            ["time"] = call.Time.ToUnixTimeMilliseconds(),
            ["record_time"] = call.Time.ToUnixTimeMilliseconds(),
            ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["request"] = body.Length == 0 ? null : Mask(Encoding.UTF8.GetString(body)),
            ["response"] = result.Body is null ? null : Mask(result.Body.ToJsonString()),
            ["user"] = new JsonObject
            {
                ["id"] = user.Id,
                ["name"] = call.Caller.AgencyName is { } agency ? $"{agency}/{user.Name}" : user.Name,
                ["domain"] = new JsonObject { ["id"] = _state.DomainId, ["name"] = _state.DomainName },
                ["access_key_id"] = call.Caller.AccessKeyId,
                ["type"] = call.Caller.AgencyName is null ? "User" : "AssumedAgency",
            },
            ["request_id"] = requestId,
            ["api_version"] = call.ApiVersion,
            ["user_agent"] = request.Headers.UserAgent.ToString(),
            ["tracker_name"] = "system",
        };
        lock (_state.Gate)
        {
            trace["trace_id"] = _state.TraceId();
            var region = call.Service == "iam" ? _state.HomeRegion : call.Region;
            if (_state.Projects.TryGetValue(region, out var project))
            {
                _state.Traces[project].Add(trace);
            }
        }
    }

    /// <summary>The header a scenario step sets so the call comes from the actor's address.</summary>
    internal const string SourceIpHeader = Hosting.RequestPipeline.SourceIpHeader;

    // CTS never shows an SK, a security token or a password: mask them in what it records.
    private static string Mask(string json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            MaskIn(node);
            return node?.ToJsonString() ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static void MaskIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(static p => p.Key).ToList())
                {
                    if (key is "secret" or "securitytoken" or "password" or "original_password")
                    {
                        o[key] = "******";
                    }
                    else
                    {
                        MaskIn(o[key]);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    MaskIn(item);
                }

                break;
        }
    }
}
