using System.Globalization;
using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Iam;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.HuaweiCloud.Playbook;

/// <summary>A CTS trace as the contracts' <see cref="TrailEvent"/> (provider Huawei Cloud), the shape every phase reads.</summary>
public static class CtsTrailEvents
{
    public static TrailEvent ToTrailEvent(CtsTrace trace, string region)
    {
        var domain = trace.User?.Domain?.Id ?? string.Empty;
        var failed = int.TryParse(trace.Code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) && status >= 400;
        var trail = new TrailEvent
        {
            Provider = CloudProvider.HuaweiCloud,
            EventId = trace.TraceId,
            EventTime = Timestamp.FromDateTimeOffset(trace.At),
            EventName = trace.TraceName,
            EventSource = trace.ServiceType ?? string.Empty,
            AccessKeyId = trace.User?.AccessKeyId ?? string.Empty,
            PrincipalArn = trace.User?.Name is { } name && domain.Length > 0 ? HuaweiUrns.User(domain, name) : string.Empty,
            AccountId = domain,
            Region = region,
            SourceIpAddress = trace.SourceIp ?? string.Empty,
            UserAgent = trace.UserAgent ?? string.Empty,
            ErrorCode = failed ? trace.Code! : string.Empty,
            ReadOnly = trace.TraceName.StartsWith("get", StringComparison.Ordinal) || trace.TraceName.StartsWith("list", StringComparison.Ordinal),
            // CTS masks secrets in request and response (secret, securitytoken, password) before it stores them.
            RawJson = Raw(trace),
        };
        if (failed)
        {
            trail.ErrorMessage = $"HTTP {trace.Code}";
        }

        return trail;
    }

    /// <summary>The trace as CTS holds it (its own snake_case fields): the raw_json of a Huawei Cloud event.</summary>
    public static string Raw(CtsTrace trace) => JsonSerializer.Serialize(trace, Internal.HuaweiJson.Options);

    /// <summary>A Huawei Cloud event's raw_json read back; a JsonException when it is not a CTS trace.</summary>
    public static CtsTrace Parse(string rawJson) =>
        JsonSerializer.Deserialize<CtsTrace>(rawJson, Internal.HuaweiJson.Options) ?? throw new JsonException("raw_json is null");

    /// <summary>A refused call (the service answered 401 or 403): an attempt, not a use.</summary>
    public static bool IsDenied(TrailEvent trail) => trail.ErrorCode is "401" or "403";
}
