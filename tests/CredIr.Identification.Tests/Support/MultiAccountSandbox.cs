namespace CredIr.Identification.Tests.Support;

/// <summary>The sandbox running multi-account-org (management 111111111111, acme-prod 222222222222, acme-dev 333333333333).</summary>
public sealed class MultiAccountSandbox : IAsyncLifetime
{
    public SandboxIdentification Identification { get; } = new("multi-account-org.json");

    public Task InitializeAsync() => Identification.InitializeAsync();

    public Task DisposeAsync() => Identification.DisposeAsync();
}
