using System.Diagnostics;
using System.Text;

namespace CredIr.Reports.Tests;

/// <summary>
/// Renders the HTML report in a real browser (Debian's headless Chromium) and keeps the report
/// files and the screenshot under TestResults/ for a person to look at.
/// </summary>
public sealed class HtmlScreenshotTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(120);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public async Task Html_RenderedInHeadlessChromium_ProducesAScreenshotOfTheReport()
    {
        var chromium = FindChromium()
            ?? throw new Xunit.Sdk.XunitException("Chromium is not installed: run scripts/install-prerequisites.sh (it installs Debian's chromium).");
        var output = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(output);
        var html = Path.Combine(output, "report.html");
        await File.WriteAllTextAsync(html, fixture.Html, Utf8);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), fixture.Markdown, Utf8);
        await File.WriteAllTextAsync(Path.Combine(output, "report.json"), fixture.Json, Utf8);
        var screenshot = Path.Combine(output, "report-screenshot.png");
        File.Delete(screenshot);
        var profile = Directory.CreateTempSubdirectory("credir-chromium-");
        try
        {
            var (exitCode, log) = await RunAsync(chromium, profile.FullName, screenshot, new Uri(html).AbsoluteUri);

            Assert.True(File.Exists(screenshot), $"Chromium (exit {exitCode}) wrote no screenshot at {screenshot}:\n{log}");
            var png = await File.ReadAllBytesAsync(screenshot);
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

    private static string? FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
