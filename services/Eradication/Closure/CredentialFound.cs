namespace CredIr.Eradication.Closure;

/// <summary>A credential joined the worklist (given, or derived from an attributed event).</summary>
public sealed record CredentialFound(TrackedCredential Credential) : ClosureUpdate;
