namespace CredIr.Gateway.Auth;

/// <summary>The role each gRPC method needs, by name: the same rule for gRPC and REST.</summary>
internal static class MethodRoles
{
    private static readonly string[] ViewerPrefixes = ["Get", "List", "Watch", "Export", "Verify"];

    /// <summary>
    /// Methods of the phase services that change the cloud under an approval: only the coordinator (credir.v1.Incidents,
    /// behind Advance and Approve) calls them, never a gateway caller, whatever their role.
    /// </summary>
    private static readonly string[] CoordinatorOnlyPrefixes = ["Execute", "Rollback"];

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

    /// <summary>Whether no gateway caller may call the method: a phase service's Execute* or Rollback*.</summary>
    public static bool IsCoordinatorOnly(string service, string method) =>
        service.StartsWith("credir.v1.", StringComparison.Ordinal) && service != "credir.v1.Incidents"
        && CoordinatorOnlyPrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));

    public static string Name(GatewayRole role) => role.ToString().ToLowerInvariant();
}
