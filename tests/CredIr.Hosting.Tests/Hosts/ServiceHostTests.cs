using System.Diagnostics;
using CredIr.Hosting.Tests.Support;

namespace CredIr.Hosting.Tests.Hosts;

/// <summary>
/// Every service host, and the gateway, runs alone as its own process with nothing but an address
/// and answers a grpc.health.v1 Check from python3-grpcio with SERVING, for the host and for its service.
/// </summary>
public sealed class ServiceHostTests
{
    [Theory]
    [InlineData("Identification")]
    [InlineData("Containment")]
    [InlineData("Eradication")]
    [InlineData("Recovery")]
    [InlineData("Incidents")]
    public async Task ServiceHost_RunAlone_AnswersHealthCheckServing(string host)
    {
        await using var process = await HostProcess.StartAsync(host);

        var status = await Python.RunAsync("health_check.py", process.Target);
        var service = await Python.RunAsync("health_check.py", process.Target, "credir.v1." + host);

        Assert.True(status == "SERVING", $"health check of {host} answered '{status}'; host output:\n{process.Output}");
        Assert.True(service == "SERVING", $"health check of credir.v1.{host} answered '{service}'; host output:\n{process.Output}");
    }

    [Theory]
    [InlineData("Identification")]
    [InlineData("Containment")]
    [InlineData("Eradication")]
    [InlineData("Recovery")]
    public async Task PhaseServiceAlone_OffLoopbackWithoutCallerIdentity_RefusesToStart(string host)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { HostProcess.DllOf(host), "--urls", "http://0.0.0.0:0" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{host} alone on 0.0.0.0 without Grpc:CallerKey did not exit within 60 s: it started");
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("beyond loopback, without a way to know who calls it: set ServiceIdentity:Key", await stderr + await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_RunAloneInDevelopmentModeOnLoopback_AnswersHealthCheckServing()
    {
        await using var process = await HostProcess.StartAsync(
            "Gateway", "--Gateway:CallerKey=host-tests-caller-key-0123456789", "--Gateway:Auth:DevelopmentMode=true");

        var status = await Python.RunAsync("health_check.py", process.Target);

        Assert.True(status == "SERVING", $"health check of the gateway answered '{status}'; host output:\n{process.Output}");
    }
}
