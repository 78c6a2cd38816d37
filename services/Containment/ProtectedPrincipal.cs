namespace CredIr.Containment;

/// <summary>A principal containment must not touch: an ARN or ARN pattern ('*', '?') and why.</summary>
public sealed class ProtectedPrincipal
{
    public string Pattern { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}
