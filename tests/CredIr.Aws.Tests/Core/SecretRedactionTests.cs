namespace CredIr.Aws.Tests.Core;

public sealed class SecretRedactionTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
    private const string Token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";

    [Fact]
    public void TemporaryCredentials_ToString_HidesSecretAndToken()
    {
        var credentials = new AwsTemporaryCredentials("ASIAEXAMPLE", Secret, Token, DateTimeOffset.UnixEpoch);

        var text = credentials.ToString();

        Assert.Contains("ASIAEXAMPLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AssumeRoleResponse_ToString_HidesTheNestedSecret()
    {
        var response = new AssumeRoleResponse(new AwsTemporaryCredentials("ASIAEXAMPLE", Secret, Token, DateTimeOffset.UnixEpoch), "AROA:s", "arn:aws:sts::1:assumed-role/r/s", "req");

        var text = response.ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void NewAccessKey_ToString_HidesTheSecret()
    {
        var response = new CreateAccessKeyResponse(new IamAccessKey("alice", "AKIAEXAMPLE", AccessKeyStatus.Active, Secret, null), "req");

        Assert.DoesNotContain(Secret, response.ToString(), StringComparison.Ordinal);
        Assert.Contains("AKIAEXAMPLE", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateLoginProfileRequest_ToString_HidesThePassword()
    {
        var request = new CreateLoginProfileRequest("alice", "Sup3r-Secret-Passw0rd!");

        Assert.DoesNotContain("Sup3r-Secret-Passw0rd!", request.ToString(), StringComparison.Ordinal);
    }
}
