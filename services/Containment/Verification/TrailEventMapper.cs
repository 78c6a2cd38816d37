using System.Text.Json;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Containment.Verification;

/// <summary>Turns a LookupEvents record into the contract's TrailEvent, and says whether AWS refused the call.</summary>
internal static class TrailEventMapper
{
    private static readonly HashSet<string> DeniedCodes = new(StringComparer.Ordinal)
    {
        "UnauthorizedOperation", "Client.UnauthorizedOperation", "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken",
        "ExpiredTokenException", "UnrecognizedClientException", "AuthFailure", "InvalidAccessKeyId", "InvalidToken",
    };

    public static bool IsDenied(string errorCode) =>
        errorCode.StartsWith("AccessDenied", StringComparison.Ordinal) || DeniedCodes.Contains(errorCode);

    public static TrailEvent Map(CloudTrailEventRecord record, string accountId, string region)
    {
        var trail = new TrailEvent
        {
            EventId = record.EventId,
            EventTime = Timestamp.FromDateTimeOffset(record.EventTime),
            EventName = record.EventName,
            EventSource = record.EventSource,
            AccessKeyId = record.AccessKeyId ?? string.Empty,
            AccountId = accountId,
            Region = region,
            ReadOnly = string.Equals(record.ReadOnly, "true", StringComparison.OrdinalIgnoreCase),
            RawJson = record.CloudTrailEvent,
        };
        try
        {
            using var doc = JsonDocument.Parse(record.CloudTrailEvent);
            var root = doc.RootElement;
            trail.ErrorCode = Str(root, "errorCode");
            trail.ErrorMessage = Str(root, "errorMessage");
            trail.SourceIpAddress = Str(root, "sourceIPAddress");
            trail.UserAgent = Str(root, "userAgent");
            trail.Region = Str(root, "awsRegion") is { Length: > 0 } r ? r : region;
            trail.AccountId = Str(root, "recipientAccountId") is { Length: > 0 } a ? a : accountId;
            if (root.TryGetProperty("userIdentity", out var identity) && identity.ValueKind == JsonValueKind.Object)
            {
                trail.PrincipalArn = Str(identity, "arn");
                if (trail.AccessKeyId.Length == 0)
                {
                    trail.AccessKeyId = Str(identity, "accessKeyId");
                }
            }
        }
        catch (JsonException)
        {
            // The summary fields of LookupEvents are still reported; the raw record is kept as it came.
        }

        if (trail.ErrorCode.Length > 0)
        {
            trail.Categories.Add(EventCategory.FailedAttempt);
        }

        return trail;
    }

    private static string Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
