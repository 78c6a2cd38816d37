using CredIr.Sandbox.Scenarios;

namespace CredIr.Sandbox.Tests.Scenarios;

public sealed class AccountStatusValidationTests
{
    [Fact]
    public void AnAccountStatusOrganizationsDoesNotKnow_IsRefused_NamingTheField()
    {
        var scenario = new Scenario
        {
            Organization = new ScenarioOrganization
            {
                Accounts = [new ScenarioAccount { Id = "111111111111", Name = "mgmt", Management = true, Status = "CLOSED" }],
            },
        };

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Validate(scenario, "inline"));

        Assert.Contains("organization.accounts (mgmt).status", error.Message, StringComparison.Ordinal);
        Assert.Contains("'CLOSED'", error.Message, StringComparison.Ordinal);
    }
}
