using System.Text.Json;

namespace CredIr.Sandbox.Tests.Boto;

[Collection(FidelityCollection.Name)]
public sealed class SuspendedAccountTests(FidelityFixture fixture)
{
    private JsonElement Suspended => fixture.Result.GetProperty("suspended");

    [Fact]
    public void ASuspendedAccount_IsReportedSuspended_ByListAccountsAndDescribeAccount()
    {
        var statuses = Suspended.GetProperty("statuses");
        Assert.Equal("SUSPENDED", statuses.GetProperty(FidelityFixture.SuspendedAccountId).GetString());
        Assert.Equal("ACTIVE", statuses.GetProperty(fixture.ProdAccountId).GetString());
        Assert.Equal("SUSPENDED", Suspended.GetProperty("described").GetString());
    }

    [Fact]
    public void AssumingARoleInASuspendedAccount_IsDenied_WhileAnActiveAccountsRoleIsAssumed()
    {
        var denied = Suspended.GetProperty("assumeSuspended");
        Assert.Equal("AccessDenied", denied.GetProperty("code").GetString());
        Assert.Equal(403, denied.GetProperty("status").GetInt32());
        Assert.Contains($"arn:aws:iam::{FidelityFixture.SuspendedAccountId}:role/OrganizationAccountAccessRole", denied.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Suspended.GetProperty("assumeActive").ValueKind);
    }
}
