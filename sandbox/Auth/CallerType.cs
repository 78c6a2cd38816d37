namespace CredIr.Sandbox.Auth;

internal enum CallerType
{
    IAMUser,
    AssumedRole,
    FederatedUser,
    Root,
}
