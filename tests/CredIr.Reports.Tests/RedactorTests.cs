using CredIr.Reports.Building;

namespace CredIr.Reports.Tests;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("secretAccessKey")]
    [InlineData("SecretAccessKey")]
    [InlineData("aws_secret_access_key")]
    [InlineData("sessionToken")]
    [InlineData("SessionToken")]
    [InlineData("x-amz-security-token")]
    [InlineData("password")]
    [InlineData("NewPassword")]
    [InlineData("oldPassword")]
    public void RedactJson_SecretNamedKeyAtAnyDepth_IsReplaced(string name)
    {
        var raw = "{\"a\":{\"b\":[{\"" + name + "\":\"FAKE-SECRET-VALUE\",\"keep\":\"visible\"}]}}";

        var text = Redactor.RedactJson(raw)!.ToJsonString();

        Assert.DoesNotContain("FAKE-SECRET-VALUE", text, StringComparison.Ordinal);
        Assert.Contains(Redactor.Redacted, text, StringComparison.Ordinal);
        Assert.Contains("visible", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactJson_SecretHoldingAnObject_ReplacesTheWholeObject()
    {
        var text = Redactor.RedactJson("""{"sessionToken":{"part":"FAKE-SECRET-VALUE"}}""")!.ToJsonString();

        Assert.DoesNotContain("FAKE-SECRET-VALUE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactJson_AccessKeyIdAndOrdinaryFields_AreKept()
    {
        var text = Redactor.RedactJson("""{"accessKeyId":"AKIAEXAMPLE","userName":"ci-deploy","secretId":"prod/db"}""")!.ToJsonString();

        Assert.Contains("AKIAEXAMPLE", text, StringComparison.Ordinal);
        Assert.Contains("ci-deploy", text, StringComparison.Ordinal);
        Assert.Contains("prod/db", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactJson_NotJson_IsOmittedRatherThanCopied()
    {
        var node = Redactor.RedactJson("secretAccessKey=FAKE-SECRET-VALUE");

        Assert.Equal(Redactor.Unparseable, node!.GetValue<string>());
    }

    [Fact]
    public void RedactJson_Empty_IsNull()
    {
        Assert.Null(Redactor.RedactJson(""));
    }
}
