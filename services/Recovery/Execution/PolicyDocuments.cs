using System.Text.Json.Nodes;

namespace CredIr.Recovery.Execution;

/// <summary>Compares policy documents by meaning (whitespace and key order do not matter), as IAM returns them reformatted.</summary>
internal static class PolicyDocuments
{
    public static bool SameAs(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left == right;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Equals(left, right, StringComparison.Ordinal);
        }
    }
}
