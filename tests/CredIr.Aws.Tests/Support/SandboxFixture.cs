using CredIr.Sandbox;

namespace CredIr.Aws.Tests.Support;

/// <summary>One sandbox per test class, on a free loopback port, seeded with <see cref="TestScenario"/>.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxHost? _sandbox;

    public SandboxHost Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = TestScenario.Create() }, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
