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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

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
            RawJson = JsonSerializer.Serialize(trace, Json),
        };
        if (failed)
        {
            trail.ErrorMessage = $"HTTP {trace.Code}";
        }

        return trail;
    }

    /// <summary>A refused call (the service answered 401 or 403): an attempt, not a use.</summary>
    public static bool IsDenied(TrailEvent trail) => trail.ErrorCode is "401" or "403";
}
