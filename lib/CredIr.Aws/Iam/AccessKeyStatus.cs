namespace CredIr.Aws;

/// <summary>The status of an access key.</summary>
public enum AccessKeyStatus
{
    /// <summary>The key signs requests.</summary>
    Active,

    /// <summary>The key is refused, but kept (evidence; reversible).</summary>
    Inactive,
}
