using CredIr.Identification.Inputs;

namespace CredIr.Identification.Tests.Inputs;

public sealed class PrincipalArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/alice", PrincipalKind.IamUser, "alice", "/", null)]
    [InlineData("arn:aws:iam::123456789012:user/team/a/alice", PrincipalKind.IamUser, "alice", "/team/a/", null)]
    [InlineData("arn:aws-cn:iam::123456789012:role/service-role/deployer", PrincipalKind.Role, "deployer", "/service-role/", null)]
    [InlineData("arn:aws:sts::123456789012:assumed-role/deployer/i-0abc", PrincipalKind.AssumedRole, "deployer", "/", "i-0abc")]
    [InlineData("arn:aws-us-gov:sts::123456789012:federated-user/bob", PrincipalKind.FederatedUser, "bob", "/", null)]
    [InlineData("arn:aws:iam::123456789012:root", PrincipalKind.Root, "root", "/", null)]
    public void TryParse_PrincipalArn_GivesKindNamePathAndSession(string value, PrincipalKind kind, string name, string path, string? session)
    {
        Assert.True(PrincipalArn.TryParse(value, out var arn, out _));
        Assert.Equal(kind, arn.Kind);
        Assert.Equal(name, arn.Name);
        Assert.Equal(path, arn.Path);
        Assert.Equal(session, arn.SessionName);
        Assert.Equal("123456789012", arn.AccountId);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket", "does not name an IAM user")]
    [InlineData("arn:aws:iam::12345:user/alice", "12-digit account id")]
    [InlineData("arn:azure:iam::123456789012:user/alice", "partition 'azure'")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/only-role", "does not name")]
    [InlineData("user/alice", "is not an ARN")]
    public void Parse_NotAPrincipal_IsRefusedOnPrincipalArnField(string value, string expected)
    {
        var error = Assert.Throws<InputValidationException>(() => PrincipalArn.Parse(value, "principal_arn"));

        Assert.Equal("principal_arn", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
