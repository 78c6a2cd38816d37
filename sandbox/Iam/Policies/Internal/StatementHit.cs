namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>A statement that applies to a request, with how its Principal element named the caller.</summary>
internal readonly record struct StatementHit(NamedPolicy Policy, PolicyStatement Statement, PrincipalMatch Match);
