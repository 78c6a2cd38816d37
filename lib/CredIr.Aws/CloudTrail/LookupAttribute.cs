namespace CredIr.Aws;

/// <summary>A LookupEvents filter (AWS accepts one per request).</summary>
public sealed record LookupAttribute(LookupAttributeKey AttributeKey, string AttributeValue);
