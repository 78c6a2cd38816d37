namespace CredIr.Aws;

/// <summary>A resource an event names.</summary>
public sealed record CloudTrailResource(string? ResourceType, string? ResourceName);
