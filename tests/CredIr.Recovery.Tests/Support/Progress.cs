using CredIr.Contracts.V1;

namespace CredIr.Recovery.Tests.Support;

internal static class Progress
{
    /// <summary>The last state streamed for each item: what it ended as.</summary>
    public static Dictionary<string, RecoveryItem> Final(this IEnumerable<RecoveryItem> progress) =>
        progress.GroupBy(i => i.ItemId).ToDictionary(g => g.Key, g => g.Last());
}
