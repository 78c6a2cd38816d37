using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace CredIr.Incidents.Grains;

/// <summary>
/// Names this coordinator in run claims: <c>host:pid:start-ms:random</c>. The random part tells two
/// runtimes of one process apart; host, pid and start time let a coordinator on the same host see
/// that a claim's holder is gone (a restart after kill -9) and take over without waiting for the
/// claim to expire. Holders on other hosts are only known dead once their claim expires.
/// </summary>
internal sealed class CoordinatorIdentity
{
    private static readonly (string Host, int Pid, long StartMs) Self = ReadSelf();

    public string Id { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{Self.Host}:{Self.Pid}:{Self.StartMs}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");

    /// <summary>True only when <paramref name="holder"/> is a process on this host that no longer runs.</summary>
    public static bool IsSurelyGone(string holder)
    {
        var parts = holder.Split(':');
        if (parts.Length != 4
            || parts[0] != Self.Host
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var startMs)
            || pid == Self.Pid)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);

            // The pid may have been reused by a newer process since.
            return Math.Abs(StartMs(process) - startMs) > 1000;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static (string, int, long) ReadSelf()
    {
        using var self = Process.GetCurrentProcess();
        return (Environment.MachineName.Replace(':', '-'), self.Id, StartMs(self));
    }

    private static long StartMs(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
}
