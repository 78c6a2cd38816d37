namespace CredIr.Sandbox.Iam.Policies;

public enum PolicyEffect
{
    Allow,
    Deny,
}
