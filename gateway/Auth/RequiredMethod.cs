namespace CredIr.Gateway.Auth;

/// <summary>Endpoint metadata naming the gRPC method a REST route calls, so both are authorized alike.</summary>
internal sealed record RequiredMethod(string Service, string Method);
