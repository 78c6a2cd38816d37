using CredIr.Containment.Planning;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Tests.Planning;

public sealed class RequestValidatorTests
{
    [Theory]
    [InlineData("AKIA4CIDEPLOYLEAKED5", "", CredentialKind.AccessKey)]
    [InlineData("ASIA7MAINTPRODSESS01", "arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/maint", CredentialKind.RoleSession)]
    [InlineData("ASIA7MAINTPRODSESS01", "arn:aws:iam::111122223333:user/ci-deployer", CredentialKind.SessionToken)]
    [InlineData("", "arn:aws:iam::111122223333:role/app-runtime", CredentialKind.Role)]
    [InlineData("", "arn:aws:iam::111122223333:user/backup-svc", CredentialKind.IamUser)]
    [InlineData("", "arn:aws:iam::111122223333:root", CredentialKind.Root)]
    public void KindNotGiven_IsInferredFromKeyAndArn(string key, string arn, CredentialKind expected)
    {
        var target = RequestValidator.Validate(new Credential { AccessKeyId = key, PrincipalArn = arn }, 0);

        Assert.Equal(expected, target.Kind);
    }

    [Fact]
    public void AssumedRoleArn_GivesRoleSessionAndAccount()
    {
        var target = RequestValidator.Validate(new Credential { AccessKeyId = "ASIA7MAINTPRODSESS01", PrincipalArn = "arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/maint" }, 3);

        Assert.Equal(("222222222222", "OrganizationAccountAccessRole", "maint"), (target.AccountId, target.RoleName, target.SessionName));
    }

    [Fact]
    public void FederationTokenWithoutItsUser_InvalidArgumentNamingUserName()
    {
        var e = Assert.Throws<RpcException>(() => RequestValidator.Validate(
            new Credential { AccessKeyId = "ASIAFEDERATED0000001", Kind = CredentialKind.FederationToken, PrincipalArn = "arn:aws:sts::111122223333:federated-user/bob" }, 1));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("credentials[1].user_name:", e.Status.Detail, StringComparison.Ordinal);
    }
}
