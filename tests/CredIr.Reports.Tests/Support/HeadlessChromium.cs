using System.Diagnostics;

namespace CredIr.Reports.Tests.Support;

/// <summary>
/// Debian's headless Chromium taking a screenshot of a local page: the proof that a report renders
/// in a real browser. A fresh profile per run; the process is killed when it overruns.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Screenshots <paramref name="htmlPath"/> into <paramref name="screenshotPath"/> and checks the PNG looks like a rendered page.</summary>
    public static async Task ScreenshotAsync(string htmlPath, string screenshotPath)
    {
        var chromium = Find()
            ?? throw new Xunit.Sdk.XunitException("Chromium is not installed: run scripts/install-prerequisites.sh (it installs Debian's chromium).");
        File.Delete(screenshotPath);
        var profile = Directory.CreateTempSubdirectory("credir-chromium-");
        try
        {
            var (exitCode, log) = await RunAsync(chromium, profile.FullName, screenshotPath, new Uri(htmlPath).AbsoluteUri);

            Assert.True(File.Exists(screenshotPath), $"Chromium (exit {exitCode}) wrote no screenshot at {screenshotPath}:\n{log}");
            var png = await File.ReadAllBytesAsync(screenshotPath);
            Assert.True(png.Length > 20_000, $"The screenshot is only {png.Length} bytes: the page looks empty.");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string chromium, string profile, string screenshot, string url)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", $"--user-data-dir={profile}", $"--screenshot={screenshot}", "--window-size=1280,2000", url,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BrowserTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish the screenshot within {BrowserTimeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
