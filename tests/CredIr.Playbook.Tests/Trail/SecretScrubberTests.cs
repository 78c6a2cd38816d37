using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Tests.Trail;

public sealed class SecretScrubberTests
{
    [Fact]
    public async Task AssumeRoleWithSessionToken_ScrubbedJson_KeepsKeyIdButNoToken()
    {
        // The GetFederationToken record of the stratus dataset carries a (lab, expired) sessionToken.
        var records = await Datasets.ReadAllAsync();
        var withToken = records.First(r => r.EventName == "GetFederationToken");
        Assert.Contains("IQoJb3JpZ2lu", withToken.Raw.GetRawText(), StringComparison.Ordinal);

        var scrubbed = SecretScrubber.Scrub(withToken.Raw);

        Assert.DoesNotContain("IQoJb3JpZ2lu", scrubbed, StringComparison.Ordinal);
        Assert.Contains("ASIASTJKC5GCM7ZE6LUP", scrubbed, StringComparison.Ordinal);
        Assert.Contains(SecretScrubber.Redacted, scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedSecrets_AnyCase_AreRedacted()
    {
        var record = Records.Make("iam.amazonaws.com", "CreateLoginProfile", """{"userName":"u","Password":"hunter2","inner":[{"secretAccessKey":"wJalr"}]}""");

        var scrubbed = SecretScrubber.Scrub(record.Raw);

        Assert.DoesNotContain("hunter2", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalr", scrubbed, StringComparison.Ordinal);
        Assert.Contains("\"userName\":\"u\"", scrubbed, StringComparison.Ordinal);
    }
}
