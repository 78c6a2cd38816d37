using Amazon.Runtime;
using CredIr.Aws.Tests.Support;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging;

namespace CredIr.Aws.Tests.Core;

public sealed class LoggingTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => fixture.Sandbox.Faults.Clear();

    [Fact]
    public async Task EveryLogLine_AcrossSuccessRetryRefusalAndSessions_HoldsNoSecret()
    {
        using var capture = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.MaxAttempts = 6, loggers: loggers);
        var admin = clients.Admin();
        var adminSecret = fixture.Sandbox.Accounts[0].AdminSecretAccessKey;

        fixture.Sandbox.Faults.Set("sts", new FaultOptions { ThrottleRate = 0.5 });
        var assumed = await admin.Sts.AssumeRoleAsync(new AssumeRoleRequest($"arn:aws:iam::{TestScenario.Workload}:role/OrganizationAccountAccessRole", "log-test"));
        fixture.Sandbox.Faults.Clear();
        using var sessions = new OrganizationSessions(admin, "INC-logs");
        await sessions.EnterAllAsync();
        var session = clients.Runtime.CreateScope(assumed.Credentials.ToAwsCredentials(), "us-east-1", TestScenario.Workload);
        await session.Iam.ListUsersAsync().ToListAsync();
        var forged = clients.Runtime.CreateScope(new BasicAWSCredentials(fixture.Sandbox.Accounts[0].AdminAccessKeyId, "forged-secret-value-0001"));
        await Assert.ThrowsAsync<AwsServiceException>(() => forged.Sts.GetCallerIdentityAsync());

        var lines = capture.Lines;
        Assert.Contains(lines, l => l.Contains("AssumeRole", StringComparison.Ordinal) && l.Contains("Attempt=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("SignatureDoesNotMatch", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Entered account", StringComparison.Ordinal));
        foreach (var secret in new[] { adminSecret, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken, "forged-secret-value-0001" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
