namespace CredIr.Aws;

/// <summary>Key pairs by name or id (EC2 answers InvalidKeyPair.NotFound for a name it does not know), all of the region when none is given.</summary>
public sealed record DescribeKeyPairsRequest(IReadOnlyList<string>? KeyNames = null, IReadOnlyList<string>? KeyPairIds = null, bool IncludePublicKey = false);
