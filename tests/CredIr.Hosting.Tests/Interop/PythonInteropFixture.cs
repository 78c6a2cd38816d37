using System.Text.Json;
using CredIr.Hosting.Tests.Support;

namespace CredIr.Hosting.Tests.Interop;

/// <summary>One echo host and one python3-grpcio process for the whole class: python starts slowly.</summary>
public sealed class PythonInteropFixture : IAsyncLifetime
{
    public EchoHost Host { get; } = new();

    public JsonElement Result { get; private set; }

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        Result = await Python.RunJsonAsync("interop_calls.py", Host.Target);
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
