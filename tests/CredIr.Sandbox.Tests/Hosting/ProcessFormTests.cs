using System.Diagnostics;
using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Hosting;

public sealed class ProcessFormTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "credir-sandbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Start_PrintsOneReadyLine_ServesUntilSigterm_ExportsAndExitsZero()
    {
        using var process = Start("--port", "0", "--scenario", ShippedScenarios.SingleAccountKeyLeak, "--export-trail", _directory);

        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Limit) ?? throw new InvalidOperationException("no ready line on stdout");
        var ready = JsonDocument.Parse(line).RootElement;
        var endpoint = ready.GetProperty("endpoint").GetString()!;
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", endpoint);
        var account = ready.GetProperty("accounts")[0];
        Assert.Equal("111122223333", account.GetProperty("accountId").GetString());
        Assert.Equal("acme-prod", account.GetProperty("name").GetString());
        Assert.StartsWith("AKIA", account.GetProperty("adminAccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal(40, account.GetProperty("adminSecretAccessKey").GetString()!.Length);
        Assert.Contains("us-east-1", ready.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        using (var http = new HttpClient())
        {
            using var unsigned = await http.GetAsync(new Uri(endpoint + "/"));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, unsigned.StatusCode);
        }

        await SignalAsync(process.Id, "TERM");
        await process.WaitForExitAsync().WaitAsync(Limit);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
        Assert.True(Directory.Exists(Path.Combine(_directory, "AWSLogs", "111122223333", "CloudTrail", "us-east-1")), "the trail export on shutdown");
    }

    [Fact]
    public async Task HuaweiScenario_ReadyLineNamesTheHuaweiAccount_AndItsIamAnswersAsHuaweiDoes()
    {
        using var process = Start("--port", "0", "--scenario", "huawei-ak-leak");

        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(Limit) ?? throw new InvalidOperationException("no ready line on stdout");
        var huawei = JsonDocument.Parse(line).RootElement.GetProperty("huawei");
        Assert.Equal("0a1b2c3d4e5f60718293a4b5c6d7e8f9", huawei.GetProperty("domainId").GetString());
        Assert.Equal(["cn-north-4", "ap-southeast-1", "eu-west-101"], huawei.GetProperty("regions").EnumerateArray().Select(static r => r.GetString()));
        using (var http = new HttpClient())
        {
            // Unsigned: refused the way Huawei's API gateway refuses it.
            using var unsigned = await http.GetAsync(new Uri(huawei.GetProperty("iamEndpoint").GetString()!.TrimEnd('/') + "/v3/projects"));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.Contains("APIGW.0301", await unsigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await SignalAsync(process.Id, "TERM");
        await process.WaitForExitAsync().WaitAsync(Limit);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task BadScenario_FailsWithOneLineNamingFileStepAndField_ExitCode2()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(file, """{"steps":[{"id":"first","at":"-3 hours","as":"admin","service":"sts","action":"GetCallerIdentity"}]}""");
        using var process = Start("--port", "0", "--scenario", file);

        await process.WaitForExitAsync().WaitAsync(Limit);
        var error = (await process.StandardError.ReadToEndAsync()).Trim();

        Assert.Equal(2, process.ExitCode);
        Assert.DoesNotContain('\n', error);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("steps[0] (id first).at", error, StringComparison.Ordinal);
        Assert.Contains("-3 hours", error, StringComparison.Ordinal);
        Assert.Equal("", await process.StandardOutput.ReadToEndAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CredIr.Sandbox.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {pid}");
        await kill.WaitForExitAsync().WaitAsync(Limit);
    }
}
