using CredIr.Aws;

namespace CredIr.Containment.Verification;

/// <summary>One account-region to read, with the lookups (key ids, user names) to run there.</summary>
internal sealed record WatchTarget(string AccountId, string Region, IReadOnlyList<LookupAttribute> Lookups);
