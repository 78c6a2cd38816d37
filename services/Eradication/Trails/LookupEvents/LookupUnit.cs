using CredIr.Aws;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// One page chain's query: an account-region, one lookup attribute (LookupEvents takes one) and a time segment.
/// A NextToken is bound to the query it came from, so the segment a chain asks for never changes while it pages.
/// </summary>
internal sealed record LookupUnit(AccountSession Account, string Region, LookupAttribute? Attribute, DateTimeOffset Start, DateTimeOffset End, bool LastSegment)
{
    public string Id => IdOf(Account.AccountId, Region, Attribute?.AttributeValue, Start, End);

    /// <summary>The same id from a checkpoint that came back over the wire (a key id and a user name never coincide).</summary>
    public static string IdOf(string? accountId, string? region, string? attributeValue, DateTimeOffset? start, DateTimeOffset? end) =>
        $"lookup:{accountId}/{region}/{(string.IsNullOrEmpty(attributeValue) ? "*" : attributeValue)}/{start?.UtcDateTime:O}/{end?.UtcDateTime:O}";

    public TrailCheckpoint Checkpoint(string? nextToken, bool done) =>
        new(Id, Account.AccountId, Region, Start, End, nextToken, done, Attribute?.AttributeValue);
}
