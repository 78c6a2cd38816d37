namespace CredIr.Recovery.Tests.Support;

/// <summary>The multi-account-org scenario's accounts and the actor's credentials (sandbox/README.md, ground truth).</summary>
internal static class Org
{
    public const string Management = "111111111111";
    public const string Prod = "222222222222";
    public const string LeakedKey = "AKIA4CIBOTLEAKEDKEY1";

    /// <summary>Every credential the actor used in the scenario: the leaked key and those derived from it.</summary>
    public static readonly string[] ActorKeys = [LeakedKey, "AKIA6SVCMAINTPERSIS7", "ASIA7MAINTPRODSESS01", "ASIA7INSTANCEROLE002"];
}
