using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>The credentials in scope and which credential the actor used to create which.</summary>
internal static class CredentialGraphBuilder
{
    public static string NodeId(Credential c) => c.AccessKeyId.Length > 0 ? c.AccessKeyId : c.PrincipalArn;

    public static (IReadOnlyList<ReportCredential> Nodes, IReadOnlyList<ReportCredentialEdge> Edges) Build(Incident incident)
    {
        var byPrincipal = incident.Credentials
            .Where(c => c.PrincipalArn.Length > 0)
            .GroupBy(c => c.PrincipalArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => NodeId(g.OrderBy(c => c.Provenance?.Depth ?? 0).First()), StringComparer.Ordinal);

        var nodes = incident.Credentials
            .Select(c => Node(c, Parent(c, byPrincipal)))
            .OrderBy(n => n.Depth)
            .ThenBy(n => n.CreatedAt ?? DateTimeOffset.MinValue)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();

        var edges = nodes
            .Where(n => n.DerivedFrom is not null)
            .Select(n => new ReportCredentialEdge(n.DerivedFrom!, n.Id, n.CreatedByEventId, n.CreatedByEventName, n.CreatedAt))
            .ToList();
        return (nodes, edges);
    }

    // A derived credential names its parent by key id, or only by principal (a role the actor
    // passed has no key of its own); either way the edge points at a node of the graph.
    private static string? Parent(Credential c, Dictionary<string, string> byPrincipal)
    {
        var p = c.Provenance;
        if (p is null)
        {
            return null;
        }

        if (p.DerivedFromAccessKeyId.Length > 0)
        {
            return p.DerivedFromAccessKeyId;
        }

        if (p.DerivedFromPrincipalArn.Length > 0)
        {
            return byPrincipal.TryGetValue(p.DerivedFromPrincipalArn, out var id) ? id : p.DerivedFromPrincipalArn;
        }

        return null;
    }

    private static ReportCredential Node(Credential c, string? parent) => new(
        NodeId(c),
        c.AccessKeyId,
        ProtoValues.Name(c.Kind),
        c.PrincipalArn,
        c.AccountId,
        c.UserName,
        c.RoleName,
        c.SessionName,
        c.Status,
        c.Provenance?.Depth ?? 0,
        parent,
        c.Provenance?.CreatedByEventId ?? "",
        c.Provenance?.CreatedByEventName ?? "",
        ProtoValues.Time(c.Provenance?.CreatedAt) ?? ProtoValues.Time(c.CreatedAt),
        ProtoValues.Time(c.ScanFrom));
}
