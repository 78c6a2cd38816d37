using System.Security.Claims;

namespace CredIr.Gateway.Auth;

/// <summary>The highest role a principal holds, from the configured role claim (and "role" / "roles").</summary>
internal static class RoleReader
{
    public static GatewayRole Highest(ClaimsPrincipal user, string roleClaim)
    {
        var best = GatewayRole.None;
        foreach (var claim in user.Claims)
        {
            if (claim.Type != roleClaim && claim.Type != "roles" && claim.Type != "role" && claim.Type != ClaimTypes.Role)
            {
                continue;
            }

            var role = claim.Value.ToLowerInvariant() switch
            {
                "viewer" => GatewayRole.Viewer,
                "responder" => GatewayRole.Responder,
                "approver" => GatewayRole.Approver,
                _ => GatewayRole.None,
            };
            best = role > best ? role : best;
        }

        return best;
    }

    public static string? Subject(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name
            : null;
}
