using System.Diagnostics;
using System.Text.Json;

namespace CredIr.Cli.Tests;

public sealed class SandboxCommandTests
{
    [Fact]
    public async Task Sandbox_Started_PrintsTheReadyLineAndExits0OnSigterm()
    {
        using var process = Process.Start(Credir.StartInfo(["sandbox", "--scenario", "single-account-key-leak"]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token)
                ?? throw new InvalidOperationException($"no ready line; stderr: {await stderr}");
            using var ready = JsonDocument.Parse(line);
            Assert.StartsWith("http://127.0.0.1:", ready.RootElement.GetProperty("endpoint").GetString(), StringComparison.Ordinal);
            Assert.True(ready.RootElement.GetProperty("accounts").GetArrayLength() > 0);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cts.Token);
            }

            await process.WaitForExitAsync(cts.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
