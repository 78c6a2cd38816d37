using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Model;

internal sealed class GuardDutyDetector(string id, string region)
{
    public string Id { get; } = id;
    public string Region { get; } = region;
    /// <summary>Findings as GuardDuty's JSON (the GetFindings shape), keyed by id.</summary>
    public Dictionary<string, JsonObject> Findings { get; } = new(StringComparer.Ordinal);
}
