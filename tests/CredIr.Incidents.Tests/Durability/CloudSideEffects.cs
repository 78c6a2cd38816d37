using System.Text.Json.Nodes;
using CredIr.Sandbox;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// The changes made to the sandbox's cloud, read from its CloudTrail: calls that are not read-only,
/// outside STS (sessions are made afresh by every process and change nothing), recorded after a
/// starting point. Two calls with the same name and request parameters are the same side effect.
/// </summary>
internal static class CloudSideEffects
{
    public static HashSet<string> Mark(SandboxHost sandbox) => [.. sandbox.Trail.All().Select(e => e.EventId)];

    public static IReadOnlyList<SideEffect> Since(SandboxHost sandbox, HashSet<string> mark) =>
    [
        .. sandbox.Trail.All()
            .Where(e => !mark.Contains(e.EventId) && !e.ReadOnly && e.EventSource != "sts.amazonaws.com")
            .Select(e =>
            {
                var record = JsonNode.Parse(e.Json)!;
                return new SideEffect(e.EventName, e.AccountId, record["requestParameters"]?.ToJsonString() ?? "{}", record["errorCode"]?.GetValue<string>());
            }),
    ];
}

/// <summary>One mutating call; <see cref="Error"/> is set when AWS refused it (and so it changed nothing).</summary>
internal sealed record SideEffect(string Name, string AccountId, string Parameters, string? Error)
{
    public override string ToString() => $"{Name} in {AccountId} {Parameters}{(Error is null ? string.Empty : " -> " + Error)}";
}
