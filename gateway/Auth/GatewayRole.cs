namespace CredIr.Gateway.Auth;

/// <summary>Cumulative roles: each one may do everything the one before it may.</summary>
internal enum GatewayRole
{
    None = 0,
    Viewer = 1,
    Responder = 2,
    Approver = 3,
}
