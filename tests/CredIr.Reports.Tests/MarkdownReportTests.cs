using CredIr.Reports.Rendering.Markdown;
using CredIr.Reports.Tests.Fixtures;

namespace CredIr.Reports.Tests;

public sealed class MarkdownReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Markdown_EveryActorAction_AppearsWithItsIdAndName()
    {
        foreach (var e in SampleEvents.All())
        {
            Assert.Contains($"| {MarkdownText.Escape(e.EventName)} | {MarkdownText.Escape(e.EventId)} |", fixture.Markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markdown_EveryResponseStep_AppearsWithStatusAndApprover()
    {
        var incident = fixture.Input.Incident;
        foreach (var step in incident.Plans.SelectMany(p => p.Steps).Concat(incident.RecoveryItems.SelectMany(r => r.Steps)))
        {
            Assert.Contains($"| {MarkdownText.Escape(step.StepId)} | {MarkdownText.Escape(step.Action)} |", fixture.Markdown, StringComparison.Ordinal);
        }

        Assert.Contains(MarkdownText.Escape(SampleIncident.FailedStepMessage), fixture.Markdown, StringComparison.Ordinal);
        Assert.Contains(MarkdownText.Escape($"auto-approved (policy {SampleIncident.AutoPolicy})"), fixture.Markdown, StringComparison.Ordinal);
        Assert.Contains("| contain | 2026-11-20T10:52:30Z | 2 h 52 min | 22 min 30 s |", fixture.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_Sections_CoverEveryPartOfTheReport()
    {
        string[] headings =
        [
            "# Post-incident report", "## Summary", "## Time to respond", "## Timeline", "## Indicators of compromise",
            "## Derived credentials", "## Response actions", "### Approvals", "## Recovery", "## Affected applications and owners",
            "## Evidence", "## Lessons learned", "## CMDB updates to make", "## Notes",
        ];
        Assert.All(headings, h => Assert.Contains(h, fixture.Markdown, StringComparison.Ordinal));
        Assert.Contains($"  - → via CreateAccessKey (e-05)", fixture.Markdown, StringComparison.Ordinal);
        Assert.All(fixture.Input.Evidence, e => Assert.Contains(e.Hash, fixture.Markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_HostileValuesAndSecrets_AreNeitherMarkupNorPresent()
    {
        Assert.DoesNotContain("<script", fixture.Markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", fixture.Markdown, StringComparison.Ordinal);
        foreach (var secret in ReportFixture.PlantedSecrets)
        {
            Assert.DoesNotContain(secret, fixture.Markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Escape_PipeNewlineAndLink_CannotBreakATableOrOpenALink()
    {
        var escaped = MarkdownText.Escape("a|b\n## x [y](z)");

        Assert.Equal("a\\|b \\#\\# x \\[y\\](z)", escaped);
    }
}
