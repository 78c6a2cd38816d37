using CredIr.Incidents.Hosting;
using CredIr.Incidents.Storage.Postgres;
using CredIr.Incidents.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CredIr.Incidents.Tests.Service;

public sealed class IncidentsOptionsTests
{
    [Theory]
    [InlineData("sqlite:")]
    [InlineData("mysql://root@localhost/credir")]
    [InlineData("")]
    public async Task BadStore_FailsAtStartNamingTheKey(string store)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => IncidentHarness.StartAsync(store));

        Assert.Contains("Incidents:Store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadStore_WithPassword_DoesNotEchoIt()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => IncidentHarness.StartAsync("Host=db;Password=hunter2;Bogus Key=1"));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonPositiveIdleTimeout_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            IncidentHarness.StartAsync("sqlite:x.db", settings: new Dictionary<string, string?> { ["IdleActivationTimeout"] = "00:00:00" }));

        Assert.Contains("Incidents:IdleActivationTimeout", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30", "Incidents:AdvanceCallWait")]
    [InlineData("0", "Incidents:Silo:MissedProbesLimit")]
    public async Task BadDurabilitySetting_FailsAtStartNamingTheKey(string value, string key)
    {
        var setting = key["Incidents:".Length..];
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            IncidentHarness.StartAsync("sqlite:x.db", settings: new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostContainmentCheckInterval", "00:00:30")]
    [InlineData("PostContainmentWatch", "00:00:00")]
    [InlineData("PhaseRetryMaxDelay", "00:00:10")]
    [InlineData("PhaseRetryAttempts", "-1")]
    public async Task BadReminderSetting_FailsAtStartNamingTheKey(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            IncidentHarness.StartAsync("sqlite:x.db", settings: new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains($"Incidents:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VerificationWindow", "00:00:00")]
    [InlineData("VerificationWindow", "01:00:00")]
    [InlineData("VerificationPollInterval", "00:01:00")]
    public async Task BadVerificationSetting_FailsAtStartNamingTheKey(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            IncidentHarness.StartAsync("sqlite:x.db", settings: new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains($"Incidents:{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresUrl_IsAcceptedAsKeywords()
    {
        var keywords = PostgresConnectionString.Normalize("postgres://ir%40corp:p%3Ass@db.internal:6543/credir?sslmode=require");

        Assert.Contains("Host=db.internal", keywords, StringComparison.Ordinal);
        Assert.Contains("Port=6543", keywords, StringComparison.Ordinal);
        Assert.Contains("Database=credir", keywords, StringComparison.Ordinal);
        Assert.Contains("Username=ir@corp", keywords, StringComparison.Ordinal);
        Assert.Contains("Password=p:ss", keywords, StringComparison.Ordinal);
        Assert.Contains("SSL Mode=Require", keywords, StringComparison.Ordinal);
    }
}
