using System.Text.Json.Nodes;

namespace CredIr.Recovery.Tests.Support;

internal static class Documents
{
    /// <summary>IAM hands documents back reformatted: compare their JSON.</summary>
    public static bool PolicyDocumentsAreSame(string expected, string? actual) =>
        actual is not null && JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual));
}
