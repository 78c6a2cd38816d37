using System.Diagnostics;
using System.Text.Json;

namespace CredIr.HuaweiCloud.Tests.Support;

/// <summary>Runs Python/huawei_sign.py (Debian's /usr/bin/python3, standard library only) and returns what it printed.</summary>
internal static class PythonSigner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<(int Status, JsonElement Body)> SendAsync(Uri url, string method, string accessKeyId, string secret, object? body = null)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Python", "huawei_sign.py"));
        start.Environment["HUAWEI_INPUT"] = JsonSerializer.Serialize(new { url = url.ToString(), method, ak = accessKeyId, sk = secret, body });
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"huawei_sign.py did not finish within {Limit.TotalSeconds} s; stderr: {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"huawei_sign.py exited with {process.ExitCode}: {await stderr}");
        }

        var result = JsonDocument.Parse(await stdout).RootElement.Clone();
        return (result.GetProperty("status").GetInt32(), result.GetProperty("body").Clone());
    }
}
