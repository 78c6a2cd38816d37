namespace CredIr.Sandbox.Model;

internal enum SessionKind
{
    AssumedRole,
    SessionToken,
    Federated,
}
