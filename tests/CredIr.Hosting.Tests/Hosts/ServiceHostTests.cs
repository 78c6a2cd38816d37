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

    [Fact]
    public async Task Gateway_RunAloneInDevelopmentModeOnLoopback_AnswersHealthCheckServing()
    {
        await using var process = await HostProcess.StartAsync(
            "Gateway", "--Gateway:CallerKey=host-tests-caller-key-0123456789", "--Gateway:Auth:DevelopmentMode=true");

        var status = await Python.RunAsync("health_check.py", process.Target);

        Assert.True(status == "SERVING", $"health check of the gateway answered '{status}'; host output:\n{process.Output}");
    }
}
