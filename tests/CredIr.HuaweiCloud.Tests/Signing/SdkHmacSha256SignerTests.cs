using CredIr.HuaweiCloud.Signing;

namespace CredIr.HuaweiCloud.Tests.Signing;

public sealed class SdkHmacSha256SignerTests
{
    // Huawei's API Request Signing Guide works one request through every step: GET .../vpcs?limit=2&marker=...,
    // Content-Type application/json, X-Sdk-Date 20191115T033655Z, AK QTWAOYTTINDUT2QVKYUC. Its published
    // canonical-request hash is b25362e6..., and its signature 7be66680...
    private const string DocumentedSecret = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

    [Fact]
    public void DocumentedExample_Signed_MatchesHuaweisPublishedAuthorization()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0")
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        SdkHmacSha256Signer.Sign(request, [], new HuaweiCredentials("QTWAOYTTINDUT2QVKYUC", DocumentedSecret),
            new DateTimeOffset(2019, 11, 15, 3, 36, 55, TimeSpan.Zero));

        Assert.Equal("20191115T033655Z", Assert.Single(request.Headers.GetValues("X-Sdk-Date")));
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            Assert.Single(request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void DocumentedExample_StringToSign_HashesTheCanonicalRequestAsPublished()
    {
        var canonical = SdkHmacSha256Signer.CanonicalRequest("GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs", "?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            [new("Content-Type", "application/json"), new("Host", "service.region.example.com"), new("X-Sdk-Date", "20191115T033655Z")],
            SdkHmacSha256Signer.HexSha256([]));

        Assert.Equal("SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
            SdkHmacSha256Signer.StringToSign(canonical, "20191115T033655Z"));
    }

    [Theory]
    [InlineData("/v3/projects", "/v3/projects/")]
    [InlineData("/v3.0/OS-USER/users/", "/v3.0/OS-USER/users/")]
    [InlineData("/a%20b/c~d", "/a%20b/c~d/")]
    [InlineData("/", "/")]
    public void CanonicalUri_Path_EncodesSegmentsAndEndsWithSlash(string path, string expected) =>
        Assert.Equal(expected, SdkHmacSha256Signer.CanonicalUri(path));

    [Fact]
    public void CanonicalQuery_UnsortedRepeatedAndReserved_SortedByNameThenValueAndEncoded() =>
        Assert.Equal("a=1&a=2&b=x%2Fy&c=", SdkHmacSha256Signer.CanonicalQuery("?b=x/y&a=2&c&a=1"));

    [Fact]
    public void TemporaryCredentials_Signed_CarrySecurityTokenAndSignIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.myhuaweicloud.com/v3/projects");

        SdkHmacSha256Signer.Sign(request, [], new HuaweiCredentials("TEMPAK00000000000001", "sk", "token-value"), DateTimeOffset.UnixEpoch);

        Assert.Equal("token-value", Assert.Single(request.Headers.GetValues("X-Security-Token")));
        Assert.Contains("SignedHeaders=host;x-sdk-date;x-security-token,", Assert.Single(request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_Printed_ShowNeitherSecretNorToken()
    {
        var text = new HuaweiCredentials("HPUACIDEPLOYLEAKED01", "the-secret-key", "the-security-token").ToString();

        Assert.Contains("HPUACIDEPLOYLEAKED01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("the-security-token", text, StringComparison.Ordinal);
    }
}
