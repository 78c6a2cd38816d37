namespace CredIr.Aws;

/// <summary>Whether a trail is logging, and its last delivery.</summary>
public sealed record GetTrailStatusResponse(bool IsLogging, DateTimeOffset? StartLoggingTime, DateTimeOffset? StopLoggingTime, DateTimeOffset? LatestDeliveryTime, string? LatestDeliveryError, string? RequestId);
