using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Identification.Tests.Support;

namespace CredIr.Identification.Tests.Resolution;

/// <summary>Identify from the management account a key of a member account (multi-account-org scenario).</summary>
public sealed class MultiAccountIdentifyTests(MultiAccountSandbox sandbox) : IClassFixture<MultiAccountSandbox>
{
    private SandboxIdentification Fixture => sandbox.Identification;

    [Fact]
    public async Task ActorsSessionInMemberAccount_ResolvedThroughTheResponseRoleWithItsAssumeRole()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var request = new IdentifyRequest { Input = new IdentificationInput { AccessKeyId = "ASIA7MAINTPRODSESS01" }, Scope = new Scope { Regions = { "us-east-1" } } };

        var response = await Fixture.Service.IdentifyAsync(request, new CallOptions(cancellationToken: timeout.Token));

        var credential = Assert.Single(response.Credentials);
        Assert.Equal("222222222222", credential.AccountId);
        Assert.Equal(CredentialKind.RoleSession, credential.Kind);
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/maint", credential.PrincipalArn);
        Assert.Equal(("OrganizationAccountAccessRole", "maint"), (credential.RoleName, credential.SessionName));
        Assert.Equal("AssumeRole", credential.Provenance.CreatedByEventName);
        Assert.Equal("Expired", credential.Status);
        // The session was issued with the persistence key the actor created for svc-maint.
        Assert.Contains(credential.Related, r => r.Contains("with key AKIA6SVCMAINTPERSIS7", StringComparison.Ordinal) && r.Contains("198.51.100.77", StringComparison.Ordinal));
        Assert.Equal(["222222222222"], response.AccountIds);
    }
}
