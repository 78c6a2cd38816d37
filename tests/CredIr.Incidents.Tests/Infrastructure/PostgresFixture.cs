using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for the test run: initdb into a temp folder and pg_ctl start on a
/// free loopback port (as the postgres user when the tests run as root, which postgres refuses),
/// stopped and deleted on dispose. CREDIR_TEST_POSTGRES (a connection string) uses that server
/// instead. Each test gets its own database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string? _directory;
    private string? _pgCtl;
    private string _adminConnectionString = string.Empty;
    private int _databases;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("CREDIR_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        var bin = FindBinaries();
        _pgCtl = Path.Combine(bin, "pg_ctl");
        _directory = Directory.CreateTempSubdirectory("credir-pg-").FullName;
        var data = Path.Combine(_directory, "data");
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _directory]);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
        var port = FreePort();
        var options = $"-k {_directory} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200";
        await RunAsPostgresAsync(_pgCtl, ["-D", data, "-o", options, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "30", "start"]);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>A new, empty database on the server; its connection string in keyword form.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"credir_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null || _pgCtl is null)
        {
            return;
        }

        await RunAsPostgresAsync(_pgCtl, ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root).OrderDescending().Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: install the postgresql package or set CREDIR_TEST_POSTGRES.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string file, IReadOnlyList<string> arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]) : RunAsync(file, arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error} {await output}");
        }
    }
}
