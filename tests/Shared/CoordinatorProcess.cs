using Grpc.Net.Client;
using System.Diagnostics;
using System.Text;
using Grpc.Core;

namespace CredIr.Tests;

/// <summary>
/// A real coordinator process: <c>dotnet credir.dll serve</c> with every service, its settings as
/// environment variables, called over HTTP/2. Killed (SIGKILL) on dispose if still running.
/// </summary>
internal sealed class CoordinatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GrpcChannel? _channel;

    private CoordinatorProcess(Process process)
    {
        _process = process;
    }

    public CredIr.Contracts.V1.Incidents.IncidentsClient Incidents { get; private set; } = null!;

    public int ProcessId => _process.Id;

    /// <summary>Where it serves, from its "credir serve: URL" line.</summary>
    public Uri Address { get; private set; } = null!;

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<CoordinatorProcess> StartAsync(string workingDirectory, string store, IReadOnlyDictionary<string, string> environment, params string[] serveOptions)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "credir.dll"), "serve", "--urls", "http://127.0.0.1:0", "--store", store, .. serveOptions])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";

        // Several nodes of one cluster on this machine: each takes a free silo port.
        info.Environment["Incidents__Silo__SiloPort"] = "0";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var coordinator = new CoordinatorProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
        coordinator._process.ErrorDataReceived += (_, line) => coordinator.OnStderr(line.Data);
        coordinator._process.OutputDataReceived += static (_, _) => { };
        coordinator._process.BeginErrorReadLine();
        coordinator._process.BeginOutputReadLine();
        var ready = await Task.WhenAny(coordinator._ready.Task, coordinator._process.WaitForExitAsync(), Task.Delay(StartTimeout));
        if (ready != coordinator._ready.Task)
        {
            await coordinator.DisposeAsync();
            throw new InvalidOperationException($"credir serve did not report its address within {StartTimeout.TotalSeconds} s; stderr: {coordinator.Stderr}");
        }

        coordinator.Address = await coordinator._ready.Task;
        coordinator._channel = GrpcChannel.ForAddress(coordinator.Address);
        coordinator.Incidents = new CredIr.Contracts.V1.Incidents.IncidentsClient(coordinator._channel);
        return coordinator;
    }

    /// <summary>The exit code once the process has ended (137-style SIGKILL shows as 137 through dotnet's host).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the coordinator (pid {_process.Id}) did not exit within {timeout.TotalSeconds} s; stderr: {Stderr}");
        }

        return _process.ExitCode;
    }

    public bool HasExited => _process.HasExited;

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Sends a signal by name: STOP makes a hung node (alive, silent), CONT wakes it.</summary>
    public async Task SignalAsync(string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false };
        info.ArgumentList.Add("-" + signal);
        info.ArgumentList.Add(_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {_process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _stderr.AppendLine(line);
        }

        const string Marker = "credir serve: ";
        if (line.StartsWith(Marker, StringComparison.Ordinal))
        {
            var address = line[Marker.Length..].Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries)[0];
            _ready.TrySetResult(new Uri(address));
        }
    }
}
