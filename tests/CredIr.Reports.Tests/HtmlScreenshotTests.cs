using System.Text;
using CredIr.Reports.Tests.Support;

namespace CredIr.Reports.Tests;

/// <summary>
/// Renders the HTML report in a real browser (Debian's headless Chromium) and keeps the report
/// files and the screenshot under TestResults/ for a person to look at.
/// </summary>
public sealed class HtmlScreenshotTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Fact]
    public async Task Html_RenderedInHeadlessChromium_ProducesAScreenshotOfTheReport()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(output);
        var html = Path.Combine(output, "report.html");
        await File.WriteAllTextAsync(html, fixture.Html, Utf8);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), fixture.Markdown, Utf8);
        await File.WriteAllTextAsync(Path.Combine(output, "report.json"), fixture.Json, Utf8);

        await HeadlessChromium.ScreenshotAsync(html, Path.Combine(output, "report-screenshot.png"));
    }
}
