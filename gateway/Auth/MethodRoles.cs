namespace CredIr.Gateway.Auth;

/// <summary>The role each gRPC method needs, by name: the same rule for gRPC and REST.</summary>
internal static class MethodRoles
{
    private static readonly string[] ViewerPrefixes = ["Get", "List", "Watch", "Export", "Verify"];

    public static GatewayRole Required(string service, string method)
    {
        if (service.StartsWith("grpc.health.", StringComparison.Ordinal))
        {
            return GatewayRole.None;
        }

        if (service.StartsWith("grpc.reflection.", StringComparison.Ordinal))
        {
            return GatewayRole.Viewer;
        }

        if (service == "credir.v1.Incidents" && method is "Approve" or "Reject")
        {
            return GatewayRole.Approver;
        }

        return service == "credir.v1.Incidents" && ViewerPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal))
            ? GatewayRole.Viewer
            : GatewayRole.Responder;
    }

    public static string Name(GatewayRole role) => role.ToString().ToLowerInvariant();
}
