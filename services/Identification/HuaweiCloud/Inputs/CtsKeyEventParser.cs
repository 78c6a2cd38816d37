using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.HuaweiCloud.Inputs;

/// <summary>
/// A CTS key-event notification: the trace of a key operation, as CTS publishes it to an SMN topic (the trace alone, or
/// the SMN HTTP(S) message whose <c>message</c> is the trace). The AK is <c>user.access_key_id</c>, the user
/// <c>user.name</c> in <c>user.domain.id</c>, and the trace's <c>time</c> (epoch ms) the compromise-time hint.
/// </summary>
internal static class CtsKeyEventParser
{
    public static bool LooksLikeTrace(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.Has("trace_name") && (e.Has("trace_id") || e.Has("trace_type"));

    public static bool LooksLikeSmnMessage(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.Has("topic_urn") && e.Get("message") is { ValueKind: JsonValueKind.String };

    /// <summary>The SMN message: its <c>message</c> must be the trace JSON; the region comes from the topic URN (urn:smn:{region}:...).</summary>
    public static ParsedInput ParseSmnMessage(JsonElement envelope, string field)
    {
        JsonDocument inner;
        try
        {
            inner = JsonDocument.Parse(envelope.GetString("message") ?? "");
        }
        catch (JsonException)
        {
            throw new InputValidationException(field,
                "looks like an SMN message, but its message is not JSON; CredIr takes the CTS key-event notification (message: the trace JSON), send that or the trace itself");
        }

        using (inner)
        {
            if (!LooksLikeTrace(inner.RootElement))
            {
                throw new InputValidationException(field,
                    "looks like an SMN message whose message is not a CTS trace (no trace_name and trace_id); CredIr takes CTS key-event notifications");
            }

            var parsed = ParseTrace(inner.RootElement, field, "CTS key-event notification in an SMN message");
            var urn = envelope.GetString("topic_urn")?.Split(':');
            // The evidence keeps the trace itself (scrubbed), not the string SMN wrapped it in.
            return parsed with
            {
                Region = urn is { Length: > 2 } && urn[2].Length > 0 ? urn[2] : null,
                RawJson = CredIr.Playbook.Trail.SecretScrubber.Scrub(inner.RootElement),
            };
        }
    }

    public static ParsedInput ParseTrace(JsonElement trace, string field, string description)
    {
        var name = trace.GetString("trace_name");
        var key = trace.GetString("user.access_key_id");
        if (key is null)
        {
            throw new InputValidationException(field,
                $"CTS trace {name} has no user.access_key_id (the call was not signed with an AK, e.g. a console action); " +
                "give access_key_id with provider CLOUD_PROVIDER_HUAWEI_CLOUD instead");
        }

        if (!HuaweiAccessKeys.IsAccessKey(key))
        {
            throw new InputValidationException(field, $"user.access_key_id {HuaweiAccessKeys.Problem(key)}");
        }

        var domain = trace.GetString("user.domain.id");
        var service = trace.GetString("service_type");
        var (firstSeen, firstSeenField) = HuaweiTimes.FirstSeen(trace, field, "CTS trace", "time", "record_time");
        return new ParsedInput
        {
            Kind = InputKind.CtsKeyEvent,
            Provider = CloudProvider.HuaweiCloud,
            Description = description,
            Credentials = [new CredentialHint { AccessKeyId = key, AccountId = domain, UserName = trace.GetString("user.name") }],
            FindingId = trace.GetString("trace_id"),
            FindingType = name,
            Title = $"CTS key event: {service} {name}".Replace("  ", " ", StringComparison.Ordinal),
            Severity = trace.GetString("trace_rating") switch
            {
                "incident" => 8.0,
                "warning" => 5.0,
                _ => 2.0,
            },
            AccountId = domain,
            FirstSeen = firstSeen,
            FirstSeenField = firstSeenField,
            SourceIps = trace.GetString("source_ip") is { } ip ? [ip] : [],
            UserAgents = trace.GetString("user_agent") is { } agent ? [agent] : [],
            ApiCalls = name is null ? [] : [service is null ? name : $"{service}:{name}"],
        };
    }
}
