using CredIr.Aws;

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>One page chain: an account-region, one lookup attribute (LookupEvents takes one) and a time segment.</summary>
internal sealed record LookupUnit(AccountSession Account, string Region, LookupAttribute? Attribute, DateTimeOffset Start, DateTimeOffset End, bool LastSegment)
{
    public string Id => IdOf(Account.AccountId, Region, Attribute?.AttributeValue, Start);

    /// <summary>The same id from a checkpoint that came back over the wire (a key id and a user name never coincide).</summary>
    public static string IdOf(string? accountId, string? region, string? attributeValue, DateTimeOffset? start) =>
        $"lookup:{accountId}/{region}/{(string.IsNullOrEmpty(attributeValue) ? "*" : attributeValue)}/{start?.UtcDateTime:O}";

    public TrailCheckpoint Checkpoint(string? nextToken, bool done) =>
        new(Id, Account.AccountId, Region, Start, End, nextToken, done, Attribute?.AttributeValue);
}
