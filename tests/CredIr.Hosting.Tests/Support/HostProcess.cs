using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace CredIr.Hosting.Tests.Support;

/// <summary>
/// One built service host run alone, as an operator runs it: <c>dotnet CredIr.X.dll --urls
/// http://127.0.0.1:0</c> in a scratch working directory; the port is read from Kestrel's
/// "Now listening on" line.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();
    private bool _started;

    private HostProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>"127.0.0.1:port", as grpcio wants it.</summary>
    public string Target { get; private set; } = string.Empty;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The dll the test project's build recorded for <paramref name="host"/> ("Incidents", "Gateway"...).</summary>
    public static string DllOf(string host) =>
        typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "HostDll:" + host)?.Value
        ?? throw new InvalidOperationException($"no HostDll:{host} in the test assembly's metadata");

    public static async Task<HostProcess> StartAsync(string host, params string[] args)
    {
        var dll = DllOf(host);
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var folder = Path.Combine(Path.GetTempPath(), "credir-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[dll, "--urls", "http://127.0.0.1:0", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new HostProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, folder);
        try
        {
            await process.WaitUntilListeningAsync();
            return process;
        }
        catch
        {
            // A host that never said it listens must not outlive the test.
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        const string Listening = "Now listening on: ";
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            var at = e.Data.IndexOf(Listening, StringComparison.Ordinal);
            if (at >= 0)
            {
                address.TrySetResult(e.Data[(at + Listening.Length)..].Trim());
            }
        }

        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("the host exited"));
        _started = _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            Target = new Uri(await address.Task.WaitAsync(StartTimeout)).Authority;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Assert.Fail($"{_process.StartInfo.ArgumentList[0]} did not say it was listening within {StartTimeout} ({e.Message}); output:\n{Output}");
        }
    }
}
