using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Closure;

/// <summary>A credential on the worklist: what it is, how far from the given ones, and from when its calls count.</summary>
public sealed record TrackedCredential(
    DerivedCredential Credential,
    int Depth,
    string? DerivedFrom,
    DateTimeOffset ScanFrom,
    bool Followed)
{
    public string Identity => Credential.Identity;
}
