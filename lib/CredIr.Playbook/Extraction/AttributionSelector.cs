namespace CredIr.Playbook.Extraction;

/// <summary>The coarse selector a trail source can filter on natively (LookupEvents' lookup attributes).</summary>
public enum AttributionSelector
{
    AccessKeyId,
    UserName,
    PrincipalArn,
    ResourceName,
}
